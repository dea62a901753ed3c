import * as z from 'zod'

/**
 * A file the app uploaded to cloud storage, under `folder/` (the pages upload there). Other paths
 * are refused, so an action cannot be used to get temp URLs of unrelated files in storage.
 */
export const cloudFileId = (folder: string, error: string) =>
  z.string({ error }).regex(new RegExp(`^cloud://[^/\\s]{1,120}/${folder}/(?!(.*/)?\\.\\.?(/|$))[^\\s\\\\]{1,200}$`), { error })
