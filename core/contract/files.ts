import * as z from 'zod'

/** The uploaded-file fields (all photos): the server runs WeChat's image check on each (server/photo-check.ts). */
export const photoFields = new WeakSet<z.ZodType>()

/**
 * A file the app uploaded to cloud storage, under `folder/` (the pages upload there). Other paths
 * are refused, so an action cannot be used to get temp URLs of unrelated files in storage.
 */
export const cloudFileId = (folder: string, error: string) => {
  const schema = z.string({ error }).regex(new RegExp(`^cloud://[^/\\s]{1,120}/${folder}/(?!(.*/)?\\.\\.?(/|$))[^\\s\\\\]{1,200}$`), { error })
  photoFields.add(schema)
  return schema
}
