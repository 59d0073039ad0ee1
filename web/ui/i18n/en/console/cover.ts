import type * as zh from '../../zh-CN/console/cover';
import type { Same } from '../same';

/** The campaign cover on the campaign form. */
export const cover: Same<typeof zh.cover> = {
  'cover.title': 'Cover image',
  'cover.lead': "The image on the campaign's card and at the top of its page. Without one, the kind's default cover shows.",
  'cover.default': 'The default cover is in use',
  'cover.choose': 'Upload a cover',
  'cover.replace': 'Replace the cover',
  'cover.remove': 'Use the default cover',
  'cover.hint': 'JPEG, PNG or WebP up to 5 MB, best in landscape (about 16:9); where it was taken is removed on upload.',
  'cover.uploading': 'Uploading…',
  'cover.saved': 'The cover is updated.',
  'cover.alt': 'Cover of “{title}”',
};
