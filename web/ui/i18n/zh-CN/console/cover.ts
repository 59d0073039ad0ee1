/** The campaign cover (封面) on the campaign form (quizflow, issue #19 part 3). */
export const cover = {
  'cover.title': '封面图片',
  'cover.lead': '活动卡片和活动页顶部显示的图片。不上传时显示该类活动的默认封面。',
  'cover.default': '当前为默认封面',
  'cover.choose': '上传封面',
  'cover.replace': '更换封面',
  'cover.remove': '改用默认封面',
  'cover.hint': 'JPEG、PNG 或 WebP，不超过 5 MB，建议横图（约 16:9）；上传时会去除拍摄地点等信息。',
  'cover.uploading': '正在上传…',
  'cover.saved': '封面已更新。',
  'cover.alt': '“{title}”的封面',
} as const;
