/** The SLA as admins set it (orders.setSla) and staff read it (orders.sla); stored in `settings`. */
import * as z from 'zod'
import { SKILLS } from '../users/vocab'
import { URGENCIES } from './vocab'

const hours = z
  .number({ error: '时限应是小时数' })
  .int({ error: '时限应是整小时' })
  .min(1, { error: '时限至少1小时' })
  .max(720, { error: '时限最多720小时（30天）' })
const stageHours = z.object({ triage: hours, accept: hours, serve: hours })

export const slaSchema = z.object({
  byUrgency: z.object({ urgent: stageHours, normal: stageHours }),
  /** Per-category overrides of some stages, merged over byUrgency. */
  byCategory: z.partialRecord(z.enum(SKILLS, { error: '类别不对' }), z.partialRecord(z.enum(URGENCIES), stageHours.partial())).optional(),
})

export const slaView = slaSchema.extend({
  /** null while the built-in default applies. */
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
})
export type SlaView = z.infer<typeof slaView>
