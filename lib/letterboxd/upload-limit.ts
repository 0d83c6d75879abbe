// Apart from read-upload.ts so that the browser can check a file's size before sending it.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export const UPLOAD_TOO_LARGE =
  'That file is larger than 10 MB, the most an import reads. Choose the ZIP from Letterboxd’s “Export your data”, or one CSV from it.'

/**
 * Where server.ts sends a form posted without JavaScript whose body is over the page's limit
 * (lib/server/oversized-upload.ts): the page again, which then shows UPLOAD_TOO_LARGE by the field.
 */
export const TOO_LARGE_QUERY = { name: 'upload', value: 'too-large' } as const
