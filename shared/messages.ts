import type { Lang, Localized } from './i18n';
import type { ErrorCode } from './errors';

/**
 * Messages the API sends, keyed by `msg.*`. Valibot schemas in shared/contracts use these
 * keys as their custom messages, so one schema speaks both languages.
 */
export const MESSAGES = {
  // generic, one per error code
  'err.validation_failed': { 'zh-CN': '提交的内容有误，请按提示修改。', en: 'Some fields are invalid; please correct them.' },
  'err.unauthenticated': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'err.invalid_credentials': { 'zh-CN': '手机号或密码不正确。', en: 'Wrong phone number or password.' },
  'err.forbidden': { 'zh-CN': '您没有权限进行此操作。', en: 'You are not allowed to do this.' },
  'err.not_found': { 'zh-CN': '未找到请求的内容。', en: 'Not found.' },
  'err.conflict': { 'zh-CN': '操作与当前状态冲突。', en: 'This conflicts with the current state.' },
  'err.payload_too_large': { 'zh-CN': '上传的内容过大。', en: 'The upload is too large.' },
  'err.unsupported_media_type': { 'zh-CN': '不支持的文件或内容类型。', en: 'Unsupported file or content type.' },
  'err.unprocessable': { 'zh-CN': '无法处理该请求。', en: 'The request cannot be processed.' },
  'err.rate_limited': { 'zh-CN': '操作太频繁，请稍后再试。', en: 'Too many attempts; please try again later.' },
  'err.unavailable': { 'zh-CN': '服务暂时不可用，请稍后再试。', en: 'The service is unavailable; please try again later.' },
  'err.internal': { 'zh-CN': '服务器出了点问题，请稍后再试。', en: 'Something went wrong on our side; please try again.' },

  // request-level
  'msg.malformed_json': { 'zh-CN': '请求体不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'msg.json_object_expected': { 'zh-CN': '请求体应为 JSON 对象（{…}）。', en: 'The request body must be a JSON object ({…}).' },
  'msg.json_expected': { 'zh-CN': '请以 JSON 格式（Content-Type: application/json）提交。', en: 'Send the body as JSON (Content-Type: application/json).' },
  'msg.csrf': { 'zh-CN': '请求来源不被允许（跨站请求）。', en: 'Request origin not allowed (cross-site request).' },
  'msg.login_rate': { 'zh-CN': '登录失败次数过多，请稍后再试。', en: 'Too many failed sign-ins; please try again later.' },
  'msg.register_rate': { 'zh-CN': '注册太频繁，请稍后再试。', en: 'Too many registrations; please try again later.' },

  // fields
  'msg.required': { 'zh-CN': '此项必填。', en: 'This field is required.' },
  'msg.unknown_field': { 'zh-CN': '不认识的字段，请删除。', en: 'Unknown field; remove it.' },
  'msg.phone': { 'zh-CN': '请输入11位中国大陆手机号。', en: 'Enter an 11-digit mainland China mobile number.' },
  'msg.password_short': { 'zh-CN': '密码至少8位。', en: 'The password needs at least 8 characters.' },
  'msg.iso_time': { 'zh-CN': '时间格式应为 ISO 8601，如 2026-01-01T08:00:00Z。', en: 'Use an ISO 8601 time such as 2026-01-01T08:00:00Z.' },
  'msg.limit': { 'zh-CN': 'limit 应为 1 到 100 的整数。', en: 'limit must be an integer from 1 to 100.' },
  'msg.share_path': {
    'zh-CN': '只能为本站的活动或作品页面生成二维码，如 /c/活动短链接。',
    en: 'QR codes are made only for this site’s campaign or work pages, such as /c/{slug}.',
  },
  'msg.format': { 'zh-CN': '格式应为 xlsx 或 csv。', en: 'format must be xlsx or csv.' },
  'msg.series': { 'zh-CN': '趋势粒度应为 day（按天）或 week（按周）。', en: 'series must be day or week.' },
  'msg.cursor': { 'zh-CN': '分页游标无效。', en: 'Invalid page cursor.' },
  'msg.slug': { 'zh-CN': '短链接只能包含小写字母、数字和连字符，最长64位。', en: 'The slug may contain lowercase letters, digits and hyphens, up to 64.' },
  'msg.kind': { 'zh-CN': '活动类型应为 quiz、contest、volunteer、drive 或 exhibition。', en: 'kind must be quiz, contest, volunteer, drive or exhibition.' },
  'msg.status': { 'zh-CN': '状态应为 draft、published 或 closed。', en: 'status must be draft, published or closed.' },
  'msg.org_kind': {
    'zh-CN': '组织类型应为 committee、party_committee、general_branch 或 branch。',
    en: 'kind must be committee, party_committee, general_branch or branch.',
  },
  'msg.aggregation': { 'zh-CN': '排名方式无效。', en: 'Invalid aggregation.' },
  'msg.audience': { 'zh-CN': '参与范围应为 public 或 members。', en: 'audience must be public or members.' },
  'msg.quiz_mode': { 'zh-CN': '答题模式应为 daily、challenge 或 round。', en: 'mode must be daily, challenge or round.' },
  'msg.url': { 'zh-CN': '请输入以 http:// 或 https:// 开头的有效网址。', en: 'Enter a valid URL starting with http:// or https://.' },
  'msg.origin': {
    'zh-CN': '请填写网站来源，如 https://www.example.gov.cn（不含路径）。',
    en: 'Enter a site origin such as https://www.example.org (no path).',
  },
  'msg.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD。', en: 'Use a date like 2026-01-31.' },
  'msg.half_hours': { 'zh-CN': '时长以半小时为单位，如 1.5。', en: 'Hours in half-hour steps, e.g. 1.5.' },
  'msg.too_long': { 'zh-CN': '内容过长。', en: 'Too long.' },
  // reports
  'msg.report_too_long': { 'zh-CN': '统计期间最长 {days} 天，请缩短时间范围。', en: 'A report covers at most {days} days; choose a shorter range.' },
  'msg.ends_before_starts': { 'zh-CN': '结束时间必须晚于开始时间。', en: 'The end must be after the start.' },
  // the 台账 workbook and drill-down (issue #16 part 3)
  'msg.report_group': {
    'zh-CN': '分组应为 training、quiz、contest、exhibition、volunteer 或 drive。',
    en: 'group must be training, quiz, contest, exhibition, volunteer or drive.',
  },

  'msg.scope': { 'zh-CN': 'scope 应为 individual（个人）或 org（组织）。', en: 'scope must be individual or org.' },
  'msg.rows': { 'zh-CN': '每页行数应为 1 到 100。', en: 'rows/limit must be from 1 to 100.' },
  'msg.offset': { 'zh-CN': 'offset 应为不小于 0 的整数。', en: 'offset must be a whole number ≥ 0.' },
  'msg.stage': { 'zh-CN': '阶段编号无效。', en: 'Invalid stage.' },
  'msg.score_mode': { 'zh-CN': 'mode 应为 set（覆盖）或 add（累加）。', en: 'mode must be set or add.' },
  'msg.too_many_scores': { 'zh-CN': '一次最多提交 1000 条成绩。', en: 'At most 1000 entries per call.' },

  // domain
  // verification codes and passwords (API.md "Accounts and org tree")
  'msg.code_format': { 'zh-CN': '请输入短信中的6位数字验证码。', en: 'Enter the 6-digit code from the text message.' },
  'msg.code_purpose': { 'zh-CN': '用途应为 register、reset 或 consent。', en: 'purpose must be register, reset or consent.' },
  'msg.code_invalid': { 'zh-CN': '验证码不正确或已过期，请重新获取。', en: 'The code is wrong or has expired; request a new one.' },
  'msg.code_rate': {
    'zh-CN': '验证码发送太频繁（每分钟1条、每天10条），请稍后再试。',
    en: 'Codes are limited to one a minute and 10 a day; please try again later.',
  },
  'msg.code_rate_address': { 'zh-CN': '此网络请求验证码太频繁，请稍后再试。', en: 'Too many codes requested from this network; please try again later.' },
  'msg.sms_failed': { 'zh-CN': '短信发送失败，请稍后再试。', en: 'The text message could not be sent; please try again later.' },
  'msg.password_same_char': { 'zh-CN': '密码不能全是同一个字符。', en: 'The password cannot be one character repeated.' },
  'msg.password_is_phone': { 'zh-CN': '密码不能是手机号。', en: 'The password cannot be the phone number.' },
  'msg.password_common': { 'zh-CN': '这个密码太常见，容易被猜中，请换一个。', en: 'This password is too common and easy to guess; choose another.' },
  'msg.phone_taken': { 'zh-CN': '该手机号已注册，请直接登录。', en: 'This phone number is already registered; please sign in.' },
  'msg.slug_taken': { 'zh-CN': '该短链接已被使用，请换一个。', en: 'This slug is taken; choose another.' },
  'msg.unit_name_taken': { 'zh-CN': '同一上级下已有同名组织。', en: 'A unit with this name already exists under the parent.' },
  'msg.parent_missing': { 'zh-CN': '上级组织不存在。', en: 'The parent unit does not exist.' },
  'msg.org_missing': { 'zh-CN': '组织不存在。', en: 'The org unit does not exist.' },
  'msg.campaign_closed': { 'zh-CN': '活动已结束，不能再修改。', en: 'The campaign is closed and cannot change.' },
  'msg.campaign_not_draft': { 'zh-CN': '只有草稿可以发布。', en: 'Only a draft can be published.' },
  'msg.campaign_not_published': { 'zh-CN': '只有进行中的活动可以结束。', en: 'Only a published campaign can be closed.' },
  'msg.drive_needs_charity': {
    'zh-CN': '募捐活动发布前必须填写持证慈善组织的名称、登记证号和募捐平台项目链接。',
    en: 'A charity drive needs the licensed charity (name, licence number, project URL) before it is published.',
  },
  'msg.kind_immutable': { 'zh-CN': '活动类型创建后不能修改。', en: 'The kind cannot change after creation.' },
  'msg.not_ranking': { 'zh-CN': '该活动没有排行榜。', en: 'This campaign has no leaderboard.' },
  'msg.unit_outside': { 'zh-CN': '该组织不在本活动的组织范围内。', en: 'This unit is outside the campaign’s organization.' },
  'msg.live_upgrade': {
    'zh-CN': '实时排行需要 WebSocket 连接或 Accept: text/event-stream。',
    en: 'The live board needs a WebSocket upgrade or Accept: text/event-stream.',
  },
  'msg.quiz_not_open': {
    'zh-CN': '答题当前未开放（未开始、已结束或不在阶段时间内）。',
    en: 'The quiz is not open now (not started, ended, or outside the stage’s time).',
  },
  'msg.quiz_members_only': { 'zh-CN': '本次答题仅限本组织成员参加。', en: 'This quiz is for members of the organizing units only.' },
  'msg.quiz_not_admitted': { 'zh-CN': '您未入围本阶段，不能参加。', en: 'You have not advanced to this stage.' },
  'msg.quiz_daily_limit': { 'zh-CN': '今天的答题次数已用完，明天再来吧。', en: 'No attempts left today; come back tomorrow.' },
  'msg.quiz_total_limit': { 'zh-CN': '答题次数已用完。', en: 'All your attempts are used.' },
  'msg.quiz_active': { 'zh-CN': '您有一场未完成的答题，请继续作答。', en: 'You have an attempt in progress; please continue it.' },
  'msg.quiz_no_questions': { 'zh-CN': '题库中还没有题目，请联系组织者。', en: 'The question bank is empty; please contact the organizer.' },
  'msg.quiz_finished': { 'zh-CN': '这场答题已经结束。', en: 'This attempt has finished.' },
  'msg.quiz_review_decision': { 'zh-CN': '复核结论应为 cleared（确认无误）或 disqualified（取消成绩）。', en: 'decision must be cleared or disqualified.' },
  'msg.quiz_review_reason': { 'zh-CN': '取消成绩请写明理由（200字以内）。', en: 'Give a reason for cancelling the result (up to 200 characters).' },
  'msg.quiz_review_closed': {
    'zh-CN': '只能复核已完成且被标记的答题，且每次答题只复核一次。',
    en: 'Only a finished, flagged attempt can be reviewed, and only once.',
  },
  'msg.quiz_not_current': { 'zh-CN': '这不是当前的题目（可能已作答或顺序不对）。', en: 'This is not the current question (already answered or out of order).' },
  'msg.quiz_answer_shape': {
    'zh-CN': '答案格式不对：单选填选项字母，多选填字母数组，判断填 true/false，填空填文字。',
    en: 'Wrong answer shape: a letter for single, an array of letters for multiple, true/false for judge, text for blank.',
  },
  'msg.quiz_not_quiz': { 'zh-CN': '该活动不是答题活动。', en: 'This campaign is not a quiz.' },
  'msg.stage_last': { 'zh-CN': '这是最后一个阶段，没有下一阶段可以晋级。', en: 'This is the last stage; there is no next stage to advance to.' },
  'msg.stage_no_rule': { 'zh-CN': '该阶段没有设置晋级规则。', en: 'This stage has no advancement rule.' },
  'msg.question_duplicate': { 'zh-CN': '题库中已有相同题干的题目。', en: 'The bank already has a question with this stem.' },
  'msg.question_answer': { 'zh-CN': '答案与题型或选项不符。', en: 'The answer does not fit the type or options.' },
  'msg.bank_missing': { 'zh-CN': '题库不存在或不在本活动的组织范围内。', en: 'The question bank does not exist or is outside the campaign’s organization.' },
  'q.type': {
    'zh-CN': '题型“{value}”无法识别，应为 单选/多选/判断/填空。',
    en: 'Unknown type "{value}": use single/multiple/judge/blank (单选/多选/判断/填空).',
  },
  'q.stem': { 'zh-CN': '题干为空。', en: 'The stem is empty.' },
  'q.too_long': { 'zh-CN': '题干超过1000字。', en: 'The stem is longer than 1000 characters.' },
  'q.options': { 'zh-CN': '选择题至少需要两个选项（选项A、选项B…）。', en: 'A choice question needs at least two options (A, B…).' },
  'q.answer_option': { 'zh-CN': '答案“{value}”不是已有选项的字母。', en: 'The answer "{value}" is not the letter of an option.' },
  'q.answer_multiple': { 'zh-CN': '多选题的答案至少包含两个选项，如 AC。', en: 'A multiple-choice answer needs at least two letters, e.g. AC.' },
  'q.answer_judge': { 'zh-CN': '判断题答案“{value}”应为 对/错、正确/错误 或 √/×。', en: 'The judge answer "{value}" should be 对/错, 正确/错误 or √/×.' },
  'q.answer_blank': { 'zh-CN': '填空题答案为空（多个可接受答案用 | 分隔）。', en: 'The blank has no answer (separate accepted alternatives with |).' },
  'q.difficulty': { 'zh-CN': '难度“{value}”应为 1–5 或 易/中/难。', en: 'Difficulty "{value}" should be 1–5 or easy/medium/hard.' },
  'q.duplicate_file': { 'zh-CN': '与第 {row} 行题干重复。', en: 'Same stem as row {row}.' },
  'q.duplicate_bank': { 'zh-CN': '题库中已有相同题干的题目（已跳过）。', en: 'The bank already has this stem (skipped).' },
  'q.header': {
    'zh-CN': '表头缺少“{column}”列。表头应为：题型,题干,选项A,选项B,…,答案,解析,标签,难度。',
    en: 'The header lacks the "{column}" column. Use: 题型,题干,选项A,选项B,…,答案,解析,标签,难度 (or type,stem,A,B,…,answer,explanation,tags,difficulty).',
  },
  'msg.contest_not_contest': { 'zh-CN': '该活动不是作品征集活动。', en: 'This campaign is not an art contest.' },
  'msg.contest_closed_entries': { 'zh-CN': '征稿已截止。', en: 'Submissions are closed.' },
  'msg.contest_category': { 'zh-CN': '作品类别应为：{list}。', en: 'The category must be one of: {list}.' },
  'msg.contest_quota': { 'zh-CN': '该类别每人最多投稿 {n} 件。', en: 'At most {n} entries per person in this category.' },
  'msg.image_missing': { 'zh-CN': '请选择作品图片。', en: 'Choose the image of the work.' },
  'msg.image_type': {
    'zh-CN': '只接受 JPEG、PNG 或 WebP 图片（按文件内容判断，不看扩展名）。',
    en: 'Only JPEG, PNG or WebP images are accepted (judged by the content, not the name).',
  },
  'msg.image_size': { 'zh-CN': '图片不能超过 {mb} MB。', en: 'The image must not exceed {mb} MB.' },
  'msg.image_empty': { 'zh-CN': '图片文件是空的。', en: 'The image file is empty.' },
  'msg.image_broken': { 'zh-CN': '图片文件不完整或已损坏，请重新导出后上传。', en: 'The image is incomplete or damaged; export it again and upload.' },
  'msg.image_small': {
    'zh-CN': '{category}作品的长边至少需要 {px} 像素（当前 {actual} 像素）。',
    en: 'A {category} work needs a long edge of at least {px} px (this one has {actual}).',
  },
  'msg.image_pixels': { 'zh-CN': '图片像素过多（{w}×{h}），请缩小后上传。', en: 'The image has too many pixels ({w}×{h}); scale it down.' },
  'msg.upload_id': { 'zh-CN': 'uploadId 应为 8–64 位字母、数字、-、_。', en: 'uploadId must be 8–64 letters, digits, - or _.' },
  'msg.reject_reason': { 'zh-CN': '退回时请写明原因，对方会看到。', en: 'Give a reason when rejecting; they will see it.' },
  'msg.entry_not_approved': { 'zh-CN': '该作品尚未通过审核，不能投票。', en: 'This work is not approved yet and cannot be voted for.' },
  'msg.voting_closed': { 'zh-CN': '当前不在投票时间内。', en: 'Voting is not open now.' },
  'msg.vote_again': { 'zh-CN': '今天已经为这件作品投过票了，明天再来吧。', en: 'You have already voted for this work today.' },
  'msg.vote_limit': { 'zh-CN': '今天的 {n} 票已经投完了。', en: 'You have used your {n} votes for today.' },
  'msg.vote_rate': { 'zh-CN': '投票太频繁，请稍后再试。', en: 'Voting too fast; please wait a moment.' },
  'msg.judge_not_assigned': { 'zh-CN': '这件作品没有分配给您评审。', en: 'This work is not assigned to you.' },
  'msg.judge_conflict': { 'zh-CN': '您已对该作品声明回避。', en: 'You declared a conflict on this work.' },
  'msg.judge_criteria': { 'zh-CN': '评分项“{name}”缺失、多余或超出范围。', en: 'The criterion "{name}" is missing, unknown or out of range.' },
  'msg.judge_user': { 'zh-CN': '找不到该评委账号（需先注册）。', en: 'No such account (the judge must register first).' },
  'msg.judge_outside': {
    'zh-CN': '只能直接添加您管理范围内名册上的人员为评委；外部评委请发送“邀请外部评委”链接。',
    en: 'Only people on a roster you manage can be added directly; invite outside judges with a judge invitation link.',
  },
  'msg.judge_invite_missing': { 'zh-CN': '评委邀请不存在。', en: 'No such judge invitation.' },
  'msg.judge_invite_used': { 'zh-CN': '该评委邀请已被使用。', en: 'This judge invitation has already been used.' },
  'msg.judge_invite_expired': { 'zh-CN': '该评委邀请已过期。', en: 'This judge invitation has expired.' },
  'msg.judge_invite_revoked': { 'zh-CN': '该评委邀请已被撤销。', en: 'This judge invitation was revoked.' },
  'msg.bank_outside': { 'zh-CN': '题库不存在，或不在您管理的范围内。', en: 'The question bank does not exist or is outside the units you manage.' },
  'msg.gallery_outside': {
    'zh-CN': '作品展示所引用的大赛不存在，或不在您管理的范围内。',
    en: 'The contest named for the gallery does not exist or is outside the units you manage.',
  },
  'msg.round_closed': { 'zh-CN': '该评审轮次已结束。', en: 'This judging round is closed.' },
  'msg.results_hidden': { 'zh-CN': '评选结果尚未公布。', en: 'The results are not published yet.' },
  'msg.vol_not_volunteer': { 'zh-CN': '该活动不是“1+1”志愿服务活动。', en: 'This campaign is not a "1+1" volunteer campaign.' },
  'msg.vol_invite_missing': {
    'zh-CN': '邀请码无效或已失效，请向邀请您的党员重新获取。',
    en: 'This invite code is invalid or expired; ask the member who invited you for a new one.',
  },
  'msg.vol_members_only': { 'zh-CN': '只有本组织的党员可以发出“1+1”邀请。', en: 'Only members of the organizing units can invite.' },
  'msg.vol_consent': { 'zh-CN': '请阅读并同意个人信息使用说明后再登记。', en: 'Read and agree to the use of your personal data to register.' },
  'msg.vol_resident_taken': { 'zh-CN': '该手机号已在本活动中登记过。', en: 'This phone number is already registered in this campaign.' },
  'msg.vol_cap': { 'zh-CN': '该党员已带动 {cap} 名群众，名额已满。', en: 'This member has already brought {cap} resident(s); the quota is full.' },
  'msg.vol_self': { 'zh-CN': '不能登记自己为带动对象。', en: 'You cannot register yourself as the resident.' },
  'msg.vol_hours': {
    'zh-CN': '每天的服务时长最多 {max} 小时（当天已登记 {used} 小时）。',
    en: 'At most {max} hours a day ({used} already recorded that day).',
  },
  'msg.vol_before_start': { 'zh-CN': '服务日期不能早于活动开始日期。', en: 'The service date cannot be before the campaign starts.' },
  'msg.vol_no_hours': { 'zh-CN': '还没有审核通过的服务时长，暂不能生成证明。', en: 'There are no approved hours yet; no certificate can be issued.' },
  'msg.vol_future': { 'zh-CN': '服务日期不能晚于今天。', en: 'The service date cannot be in the future.' },
  'msg.vol_member_missing': { 'zh-CN': '找不到该党员。', en: 'No such member.' },
  'msg.vol_not_pending': { 'zh-CN': '该记录已审核过。', en: 'This record has already been reviewed.' },
  'msg.vol_pair_missing': { 'zh-CN': '结对不存在或不属于您。', en: 'No such pair of yours.' },
  // quiz flow: the next question on request, covers, the personal home (issue #19, quizflow)
  'msg.cover_missing': { 'zh-CN': '请选择封面图片（JPEG、PNG 或 WebP）。', en: 'Choose a cover image (JPEG, PNG or WebP).' },
  'msg.quiz_not_served': { 'zh-CN': '请先点“下一题”领取题目，再作答。', en: 'Ask for the next question first, then answer it.' },
  // season: campaign calendar, duplication, WeChat share (console list, templates, share cards)
  'msg.year': { 'zh-CN': '年份应为 4 位数字，如 2026。', en: 'year must be four digits, such as 2026.' },
  'msg.wechat_off': { 'zh-CN': '本站未配置微信公众号，不提供微信分享签名。', en: 'No WeChat official account is configured for this site.' },
  'msg.wechat_url': { 'zh-CN': '只能为本站的页面签名。', en: 'Only pages of this site can be signed.' },
  'msg.wechat_unavailable': { 'zh-CN': '微信接口暂时不可用，请稍后再试。', en: 'WeChat is unavailable right now; try again later.' },
  // 服务活动 (service activities)
  'msg.sa_missing': { 'zh-CN': '找不到该服务活动。', en: 'No such service activity.' },
  'msg.sa_capacity': { 'zh-CN': '名额应为 1 到 10000 之间的整数。', en: 'Capacity must be a whole number from 1 to 10,000.' },
  'msg.sa_span': {
    'zh-CN': '结束时间应晚于开始时间，且一次服务活动不超过 24 小时。',
    en: 'The end must be after the start, and a service activity lasts at most 24 hours.',
  },
  'msg.sa_unit_outside': { 'zh-CN': '承办组织应在本活动的组织范围内。', en: 'The organizing unit must be inside the campaign’s organization.' },
  'msg.sa_capacity_below': { 'zh-CN': '已有 {n} 人报名，名额不能少于 {n}。', en: '{n} people have signed up; the capacity cannot be below {n}.' },
  'msg.sa_cancelled': { 'zh-CN': '该服务活动已取消。', en: 'This service activity has been cancelled.' },
  'msg.sa_over': { 'zh-CN': '该服务活动已结束，不能再报名。', en: 'This service activity is over; sign-up has closed.' },
  'msg.sa_full': { 'zh-CN': '名额已满，下次早点报名吧。', en: 'All places are taken.' },
  'msg.sa_already': { 'zh-CN': '您已报名该服务活动。', en: 'You have already signed up.' },
  'msg.sa_not_signed_up': { 'zh-CN': '您还没有报名该服务活动，请先报名再签到。', en: 'You have not signed up for this service activity; sign up first.' },
  'msg.sa_cancel_checked_in': { 'zh-CN': '您已签到，不能再取消报名。', en: 'You have checked in; the sign-up can no longer be cancelled.' },
  'msg.sa_code_format': { 'zh-CN': '请输入现场显示的 6 位数字签到码。', en: 'Enter the 6-digit code shown at the place.' },
  'msg.sa_code_wrong': {
    'zh-CN': '签到码不正确或已过期，请输入现场屏幕上最新的 6 位数字。',
    en: 'Wrong or expired code; enter the latest 6 digits on the screen at the place.',
  },
  'msg.sa_code_rate': { 'zh-CN': '签到码输错次数过多，请 1 分钟后再试。', en: 'Too many wrong codes; try again in a minute.' },
  'msg.sa_check_in_early': { 'zh-CN': '还没到签到时间，签到从 {time} 开始。', en: 'Check-in opens at {time}.' },
  'msg.sa_check_in_closed': { 'zh-CN': '签到已截止（活动已于 {time} 结束）。', en: 'Check-in has closed (the activity ended at {time}).' },
  'msg.sa_check_out_closed': { 'zh-CN': '签退已截止（截止时间 {time}）。', en: 'Check-out has closed (at {time}).' },
  'msg.sa_checked_in': { 'zh-CN': '您已签到，无需重复签到；离开时请签退。', en: 'You have already checked in; check out when you leave.' },
  'msg.sa_not_checked_in': { 'zh-CN': '您还没有签到，请先签到。', en: 'You have not checked in yet.' },
  'msg.sa_checked_out': { 'zh-CN': '您已签退，本次服务时长已记录。', en: 'You have already checked out; the hours are recorded.' },
  'msg.drive_not_drive': { 'zh-CN': '该活动不是公益募捐活动。', en: 'This campaign is not a charity drive.' },
  'msg.amount': { 'zh-CN': '金额应为 1 分到 1000 万元之间的整数（单位：分）。', en: 'The amount must be a whole number of fen from 1 fen to 10 million yuan.' },
  'msg.idem_key': { 'zh-CN': '请求头 Idempotency-Key 必填，且不超过 255 个字符。', en: 'The Idempotency-Key header is required, at most 255 characters.' },
  'msg.idem_mismatch': { 'zh-CN': '这个 Idempotency-Key 已用于另一笔不同的认捐。', en: 'This Idempotency-Key was already used for a different pledge.' },
  'msg.receipt_type': { 'zh-CN': '凭证只接受 JPEG、PNG、WebP 图片或 PDF 文件。', en: 'A receipt must be a JPEG, PNG or WebP image or a PDF.' },
  'msg.receipt_size': { 'zh-CN': '凭证文件不能超过 5 MB。', en: 'The receipt must not exceed 5 MB.' },
  'msg.pledge_decided': { 'zh-CN': '该认捐已审核，不能再修改。', en: 'This pledge has been reviewed and cannot change.' },
  'msg.unit_outside_drive': { 'zh-CN': '该组织不在本次募捐的组织范围内。', en: 'This unit is outside the drive’s organization.' },
  'msg.ex_not_exhibition': { 'zh-CN': '该活动不是展览参观活动。', en: 'This campaign is not an exhibition.' },
  // field: exhibition booking as museums do it (notice, visitors, ID numbers)
  'msg.notice_not_accepted': { 'zh-CN': '请先阅读并同意参观须知。', en: 'Please read and accept the visitor notice first.' },
  'msg.id_number': {
    'zh-CN': '身份证号不正确，请核对后重新填写（18 位，最后一位可能是 X）。',
    en: 'This ID number is not valid; check it (18 characters, the last may be X).',
  },
  'msg.ex_visitors_count': { 'zh-CN': '参观人数为 {n} 人，最多填写 {n} 位参观人。', en: 'The party is {n}; give at most {n} visitors.' },
  'msg.id_numbers_required': {
    'zh-CN': '本展览需实名预约：请填写每位参观人的姓名和身份证号（共 {n} 位）。',
    en: 'This exhibition needs every visitor’s name and ID number ({n} in all).',
  },
  'msg.ex_full': { 'zh-CN': '该时段名额已满，请选择其他时段。', en: 'This time slot is full; choose another.' },
  'msg.ex_slot_closed': { 'zh-CN': '该时段已关闭或已经结束，不能预约。', en: 'This slot is closed or over; it cannot be booked.' },
  'msg.ex_again': { 'zh-CN': '您当天已有本展览的预约，每人每天限约一次。', en: 'You already have a booking for this exhibition that day (one a day).' },
  'msg.ex_blocked': { 'zh-CN': '您近期有 {n} 次预约未到场，{until} 前暂不能预约。', en: 'You missed {n} bookings recently; you can book again after {until}.' },
  'msg.ex_checked': { 'zh-CN': '重复入场：该预约已于 {at} 入场。', en: 'Already checked in at {at}.' },
  'msg.ex_other': { 'zh-CN': '非本展览的预约码。', en: 'This ticket is for another exhibition.' },
  'msg.ex_out_of_slot': { 'zh-CN': '不在预约时段：该预约为 {slot}。', en: 'Outside the booked time: this ticket is for {slot}.' },
  'msg.ex_cancelled': { 'zh-CN': '该预约已取消。', en: 'This booking was cancelled.' },
  'msg.ex_capacity_below': { 'zh-CN': '已预约 {booked} 人，容量不能低于已预约人数。', en: '{booked} seats are booked; the capacity cannot go below that.' },
  'msg.ex_wl_has_seats': {
    'zh-CN': '该时段还有足够的余位，请直接预约，无需候补。',
    en: 'This slot still has enough seats; book it directly instead of waiting.',
  },
  'msg.ex_wl_again': { 'zh-CN': '您已在该时段的候补队列中。', en: 'You are already on this slot’s waiting list.' },
  'msg.ex_wl_booked_day': {
    'zh-CN': '您当天已有本展览的预约，不能再候补（每人每天限约一次）。',
    en: 'You already have a booking for this exhibition that day, so you cannot join a waiting list (one a day).',
  },
  'msg.ex_wl_closed': { 'zh-CN': '该时段已关闭或已经结束，不能候补。', en: 'This slot is closed or over; its waiting list is closed.' },
  'msg.ex_wl_left': { 'zh-CN': '您已退出该候补。', en: 'You already left this waiting list.' },
  'msg.ex_wl_expired': {
    'zh-CN': '该候补已失效（时段已结束，或您当天已有预约）。',
    en: 'This waiting-list entry has expired (the slot is over, or you hold a booking that day).',
  },
  'msg.ex_wl_booked': {
    'zh-CN': '候补已成功并生成了预约；如不能前往，请在“我的预约”中取消该预约。',
    en: 'This entry already became a booking; cancel the booking in My bookings if you cannot come.',
  },
  'msg.slots_body': {
    'zh-CN': '请提供单个时段（startsAt、endsAt、capacity）或批量生成规则（generate）。',
    en: 'Send one slot (startsAt, endsAt, capacity) or a schedule (generate).',
  },
  'msg.party': { 'zh-CN': '每笔预约 1–5 人。', en: 'A booking is for 1 to 5 people.' },
  'msg.clock': { 'zh-CN': '时间格式应为 HH:MM。', en: 'Use a time like 09:30.' },
  'msg.too_many_slots': {
    'zh-CN': '一次最多生成 {max} 个时段，请缩短日期范围或减少场次。',
    en: 'At most {max} slots at once; shorten the dates or use fewer times.',
  },
  'msg.slots_span': { 'zh-CN': '一次生成的日期范围最多 {max} 天。', en: 'A schedule may span at most {max} days.' },
  'msg.slots_outside_campaign': { 'zh-CN': '时段日期须在活动期间内（{from} 至 {to}）。', en: 'The schedule must fall within the campaign ({from} to {to}).' },
  'msg.ex_booking_limit': {
    'zh-CN': '每人在本展览最多保留 {n} 个未参观的预约，请先参观或取消已有预约。',
    en: 'You may hold at most {n} upcoming bookings for this exhibition; visit or cancel one first.',
  },
  'msg.ex_waitlist_limit': { 'zh-CN': '每人在本展览最多同时候补 {n} 个时段。', en: 'You may wait for at most {n} slots of this exhibition at once.' },
  'msg.ex_group_not_open': {
    'zh-CN': '该展览仅面向主办组织的成员，不能为其他组织集体预约。',
    en: 'This exhibition is for members of its organizing units only; other units cannot book groups.',
  },
  'msg.ex_group_size': { 'zh-CN': '集体预约每次最多 {max} 人。', en: 'A group booking is for at most {max} people.' },
  'msg.vol_records_day': { 'zh-CN': '每人每天最多登记 {max} 条服务记录。', en: 'At most {max} service records a day.' },
  'msg.vol_records_pending': {
    'zh-CN': '您已有 {max} 条待审核的服务记录，请等待审核后再登记。',
    en: 'You already have {max} service records awaiting review; wait for them to be reviewed.',
  },
  'msg.vol_after_end': { 'zh-CN': '服务日期不能晚于活动结束日期。', en: 'The service date cannot be after the campaign ends.' },
  'msg.text_unsafe': { 'zh-CN': '含有不允许的控制字符或文字方向字符。', en: 'Contains control or text-direction characters that are not allowed.' },
  'msg.roster_header': {
    'zh-CN': '表头应包含“姓名”和“手机号”两列（或 name、phone）。',
    en: 'The header row must have the columns 姓名 and 手机号 (or name and phone).',
  },
  'msg.roster_encoding': {
    'zh-CN': '文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”或直接上传 .xlsx。',
    en: 'The file is not UTF-8; save it as "CSV UTF-8" in Excel or upload the .xlsx.',
  },
  'msg.roster_too_many': { 'zh-CN': '一次最多导入 {max} 行，请拆分文件后再导入。', en: 'At most {max} rows per import; split the file.' },
  'msg.roster_empty': { 'zh-CN': '文件中没有数据行。', en: 'The file has no data rows.' },
  'msg.roster_type': { 'zh-CN': '请上传 CSV（UTF-8）或 Excel（.xlsx）文件。', en: 'Upload a CSV (UTF-8) or an Excel (.xlsx) file.' },
  'msg.xlsx_too_large': {
    'zh-CN': '该 Excel 文件解压后超过 {mb} MB 或包含过多部件，请删除无关工作表、图片后另存再上传。',
    en: 'This Excel file would unpack to more than {mb} MB or has too many parts; remove extra sheets and pictures, save it again and upload.',
  },
  'msg.roster_xlsx': {
    'zh-CN': '无法读取该 Excel 文件，请确认它是 .xlsx 格式的表格。',
    en: 'This Excel file cannot be read; make sure it is an .xlsx spreadsheet.',
  },
  'msg.row_name': {
    'zh-CN': '姓名为空、超过40个字或含有不允许的字符。',
    en: 'The name is empty, longer than 40 characters or holds characters that are not allowed.',
  },
  'msg.row_phone': { 'zh-CN': '手机号“{value}”不是11位大陆手机号。', en: 'The phone "{value}" is not an 11-digit mainland mobile number.' },
  'msg.row_duplicate': { 'zh-CN': '手机号与第 {row} 行重复。', en: 'The phone repeats row {row}.' },
  'msg.row_elsewhere': { 'zh-CN': '该手机号已在另一个组织“{unit}”的名册中。', en: 'This phone is already on the roster of another unit, "{unit}".' },
  'msg.row_elsewhere_other': { 'zh-CN': '该手机号已在其他组织的名册中。', en: 'This phone is already on the roster of another unit.' },
  // member registry, transfers and unit moves (issue #14, registry)
  'msg.row_unknown_word': { 'zh-CN': '“{column}”列的“{value}”不是可识别的填写内容。', en: 'Column {column}: "{value}" is not a word we know.' },
  'msg.row_date': {
    'zh-CN': '“{column}”列的“{value}”不是日期（可写作 2019-07-01、2019/7/1、2019.7.1 或 2019年7月1日）。',
    en: 'Column {column}: "{value}" is not a date (write 2019-07-01, 2019/7/1, 2019.7.1 or 2019年7月1日).',
  },
  'msg.row_date_future': { 'zh-CN': '“{column}”列的日期 {value} 晚于今天。', en: 'Column {column}: the date {value} is after today.' },
  'msg.row_date_early': { 'zh-CN': '“{column}”列的日期 {value} 早于1921年7月1日。', en: 'Column {column}: the date {value} is before 1 July 1921.' },
  'msg.date_invalid': { 'zh-CN': '请填写日期，例如 2019-07-01。', en: 'Enter a date such as 2019-07-01.' },
  'msg.date_future': { 'zh-CN': '日期不能晚于今天。', en: 'The date cannot be after today.' },
  'msg.date_too_early': { 'zh-CN': '入党日期不能早于1921年7月1日。', en: 'The date of joining cannot be before 1 July 1921.' },
  'msg.registry_category': {
    'zh-CN': '人员类别应为正式党员、预备党员、发展对象、入党积极分子或群众。',
    en: 'The category must be full, probationary, candidate, activist or public.',
  },
  'msg.registry_post': {
    'zh-CN': '党内职务应为书记、副书记、组织委员、宣传委员、纪检委员或党务干部。',
    en: 'A post must be secretary, deputy_secretary, organization, publicity, discipline or party_worker.',
  },
  'msg.registry_status': {
    'zh-CN': '状态应为在职、离退休、流出、流入或年老体弱/行动不便。',
    en: 'The status must be active, retired, mobile_out, mobile_in or home_bound.',
  },
  'msg.roster_missing': { 'zh-CN': '名册中没有这个人。', en: 'This person is not on any roster.' },
  'msg.transfer_not_here': { 'zh-CN': '此人不在该组织的名册中。', en: 'This person is not on this unit’s roster.' },
  'msg.transfer_same_unit': { 'zh-CN': '转入组织与当前所在组织相同。', en: 'The target unit is the unit the person is already in.' },
  'msg.transfer_outside': {
    'zh-CN': '转入组织不在您管理的范围内，请由共同的上级组织办理转接。',
    en: 'The target unit is outside the units you manage; an organizer of a unit above both can transfer.',
  },
  'msg.transfer_raced': { 'zh-CN': '该记录刚被他人修改，请刷新后重试。', en: 'Someone changed this just now; reload and try again.' },
  'msg.unit_move_root': { 'zh-CN': '最上级组织不能移动。', en: 'The root unit cannot be moved.' },
  'msg.unit_move_cycle': { 'zh-CN': '不能把组织移到它自己或它的下级组织之下。', en: 'A unit cannot move under itself or one of its own sub-units.' },
  'msg.unit_move_outside': { 'zh-CN': '新的上级组织不在您管理的范围内。', en: 'The new parent is outside the units you manage.' },
  'msg.unit_archive_root': { 'zh-CN': '最上级组织不能归档。', en: 'The root unit cannot be archived.' },
  'msg.unit_has_children': { 'zh-CN': '该组织下还有下级组织，请先移走或归档。', en: 'The unit still has sub-units; move or archive them first.' },
  'msg.unit_has_members': { 'zh-CN': '该组织的名册中还有人员，请先转出。', en: 'People are still on the unit’s roster; transfer them first.' },
  'msg.unit_has_campaigns': { 'zh-CN': '该组织还有未结束的活动，请先结束。', en: 'The unit still has campaigns that are not closed; close them first.' },

  // live quiz rooms and matches (现场竞赛, 双人对战 / 四人赛; issue 17)
  'msg.room_count': { 'zh-CN': '题目数量应为 1 到 50 道。', en: 'A room has 1 to 50 questions.' },
  'msg.room_seconds': { 'zh-CN': '每题时间应为 5 到 120 秒。', en: 'Seconds per question must be 5 to 120.' },
  'msg.room_source': {
    'zh-CN': '请选择一个题库（bankId），或逐题选择题目（questionIds），二选一。',
    en: 'Give either a question bank (bankId) or chosen questions (questionIds), not both.',
  },
  'msg.room_pin': { 'zh-CN': '房间号应为6位数字。', en: 'A room PIN has 6 digits.' },
  'msg.room_command': { 'zh-CN': '主持指令应为 start、next、reveal 或 end。', en: 'command must be start, next, reveal or end.' },
  'msg.room_questions': {
    'zh-CN': '所选题目不存在、已停用，或不在本活动可用的题库中。',
    en: 'Some questions do not exist, are retired, or are not in a bank this campaign may use.',
  },
  'msg.room_bank_empty': { 'zh-CN': '该题库中没有可用的题目。', en: 'The bank has no active questions.' },
  'msg.room_pin_busy': { 'zh-CN': '暂时无法分配房间号，请重试。', en: 'No room PIN could be given out; please try again.' },
  'msg.room_live_upgrade': { 'zh-CN': '此地址只接受 WebSocket 连接。', en: 'This address takes WebSocket connections only.' },
  'msg.match_size': { 'zh-CN': '对战人数应为 2（双人对战）或 4（四人赛）。', en: 'size must be 2 (双人对战) or 4 (四人赛).' },
  'msg.match_no_questions': { 'zh-CN': '本活动还没有可用于对战的题目。', en: 'This campaign has no questions for matches yet.' },
  // live rooms at hall scale (issue 17): PIN guessing on the public room lookup
  'msg.room_pin_rate': { 'zh-CN': '房间号输错次数过多，请稍后再试。', en: 'Too many wrong room PINs; please try again later.' },
  // 党员教育培训 (training: sessions, enrolment, register, online study)
  'msg.tr_not_training': { 'zh-CN': '该活动不是党员教育培训活动。', en: 'This campaign is not a training campaign.' },
  'msg.tr_category': {
    'zh-CN': '培训类别应为集中轮训、书记示范培训、新发展党员培训、积极分子培训、网络培训、党课、主题党日或悦读之一。',
    en: 'The category must be one of rotation, secretary, new_member, activist, online, lecture, party_day, reading.',
  },
  'msg.tr_audience': {
    'zh-CN': '培训对象只能从人员类别和党内职务中选择。',
    en: 'The audience is chosen from the registry’s member categories and party posts.',
  },
  'msg.tr_hours': { 'zh-CN': '学时应为 0.5 到 12 之间、0.5 的整数倍，如 1、1.5、2。', en: 'Hours go in steps of 0.5, from 0.5 to 12 (1, 1.5, 2 …).' },
  'msg.tr_span': {
    'zh-CN': '结束时间应晚于开始时间，且一次课不超过 24 小时；多日培训请设置天数。',
    en: 'The end must be after the start and a session lasts at most 24 hours; for a class of several days set the number of days.',
  },
  'msg.tr_enroll_body': {
    'zh-CN': '请提供要报名的人员（rosterIds）或组织（orgUnitIds）之一。',
    en: 'Send either the people (rosterIds) or the units (orgUnitIds) to enrol.',
  },
  'msg.tr_unit_missing': { 'zh-CN': '找不到组织“{id}”。', en: 'No unit "{id}".' },
  'msg.tr_unit_outside': { 'zh-CN': '组织应在本培训的组织范围内。', en: 'The unit must be inside the campaign’s organization.' },
  'msg.tr_session_missing': { 'zh-CN': '找不到该课次。', en: 'No such session.' },
  'msg.tr_material_missing': { 'zh-CN': '找不到该学习资料。', en: 'No such study material.' },
  'msg.tr_study_missing': { 'zh-CN': '找不到该学习记录。', en: 'No such study.' },
  'msg.tr_no_roster': {
    'zh-CN': '您还不在任何党组织的名册中，请联系所在支部把您加入名册。',
    en: 'You are on no unit’s roster yet; ask your branch to add you.',
  },
  'msg.tr_outside': { 'zh-CN': '本培训面向其他党组织的党员，您所在的组织不在范围内。', en: 'This class is for members of other units.' },
  'msg.tr_audience_no': { 'zh-CN': '您不在本培训的培训对象范围内。', en: 'You are not in this class’s audience.' },
  'msg.tr_self_enroll_off': { 'zh-CN': '本培训由组织统一报名，不接受个人报名。', en: 'Enrolment in this class is by the organizers only.' },
  'msg.tr_not_enrolled': {
    'zh-CN': '您还没有报名本培训，请先报名或联系组织者。',
    en: 'You are not enrolled in this class; enrol first or ask the organizers.',
  },
  'msg.tr_not_enrolled_roster': { 'zh-CN': '此人未报名本培训，请先报名。', en: 'This person is not enrolled in the class; enrol them first.' },
  'msg.tr_code_wrong': {
    'zh-CN': '签到码不正确或已过期，请输入屏幕上最新的 6 位数字。',
    en: 'Wrong or expired code; enter the latest 6 digits on the screen.',
  },
  'msg.tr_early': { 'zh-CN': '还没到签到时间，签到从 {time} 开始。', en: 'Check-in opens at {time}.' },
  'msg.tr_closed': { 'zh-CN': '签到已截止（本课已于 {time} 结束）。', en: 'Check-in has closed (the session ended at {time}).' },
  'msg.tr_checked_in': { 'zh-CN': '您已签到本课，无需重复签到。', en: 'You have already checked in to this session.' },
  'msg.tr_status': {
    'zh-CN': '出勤状态应为 present（出席）、late（迟到）、excused（请假）或 absent（缺席）。',
    en: 'The status must be present, late, excused or absent.',
  },
  'msg.tr_mode': { 'zh-CN': '参学方式应为 onsite（现场）、online（线上）或 delivered（送学上门）。', en: 'The mode must be onsite, online or delivered.' },
  'msg.tr_material_kind': { 'zh-CN': '资料类型应为 video（视频）或 article（文章）。', en: 'The kind must be video or article.' },
  'msg.tr_study_early': { 'zh-CN': '学习时间未满，还需 {minutes} 分钟才能完成。', en: 'Not studied long enough: {minutes} more minutes to go.' },
  'msg.tr_study_done': { 'zh-CN': '您已完成该资料的学习，学时已记录。', en: 'You have finished this material; the hours are recorded.' },
  'msg.tr_year': { 'zh-CN': '年份应为四位数字，如 2026。', en: 'The year must have four digits, such as 2026.' },
  // roles, audit and personal-data rights (issue #14 parts 3, 4, 6)
  'msg.role_kind': {
    'zh-CN': '角色应为 organizer（组织管理员）、gate_staff（检票员）或 reviewer（审核员）。',
    en: 'role must be organizer, gate_staff or reviewer.',
  },
  'msg.role_not_on_roster': {
    'zh-CN': '该手机号不在您所管理组织的名册中，请先把此人加入名册。',
    en: 'This phone is not on a roster of the units you manage; add the person to a roster first.',
  },
  'msg.role_not_registered': {
    'zh-CN': '{name}已在名册中，但还没有用该手机号注册账号；请其注册后再任命。',
    en: '{name} is on the roster but has not registered with this phone yet; ask them to register, then appoint them.',
  },
  'msg.role_held': { 'zh-CN': '此人已是该组织的{role}。', en: 'This person already holds the role {role} here.' },
  'msg.role_missing': { 'zh-CN': '此人在该组织没有这个角色。', en: 'This person does not hold this role here.' },
  'msg.role_last_organizer': {
    'zh-CN': '这是根组织最后一位管理员，不能移除；请先任命另一位组织管理员。',
    en: 'This is the last organizer of the root unit and cannot be removed; appoint another organizer first.',
  },
  'msg.audit_action': { 'zh-CN': '操作类型格式不正确（如 role 或 role.appoint）。', en: 'action looks like role or role.appoint.' },
  'msg.audit_actor': { 'zh-CN': '操作人应为用户编号或手机号。', en: 'actor is a user id or a phone number.' },
  'msg.me_password_wrong': { 'zh-CN': '密码不正确，账号未注销。', en: 'The password is wrong; the account was not deleted.' },
  'msg.me_delete_rate': { 'zh-CN': '尝试次数过多，请稍后再试。', en: 'Too many attempts; please try again later.' },
  'msg.me_last_organizer': {
    'zh-CN': '您是根组织最后一位管理员，注销前请先任命另一位组织管理员。',
    en: 'You are the last organizer of the root unit; appoint another organizer before deleting your account.',
  },
  'msg.pair_withdraw_none': {
    'zh-CN': '该手机号没有登记在任何“1+1”结对中（或已撤回同意）。',
    en: 'This phone is in no "1+1" pair (or consent was already withdrawn).',
  },
  // contest2: judging rules, awards per category, gallery, periods
  'msg.round_quorum': {
    'zh-CN': '随机分配时，每件作品的评委人数不能少于有效评分人数。',
    en: 'With random assignment, judges per work cannot be fewer than the quorum.',
  },
  'msg.judging_incomplete': {
    'zh-CN': '还有 {n} 件作品评分未完成（评分人数不足），请确认后再继续。',
    en: '{n} works are not fully scored yet (fewer scores than the quorum); confirm to go on anyway.',
  },
  'msg.award_categories': { 'zh-CN': '分类奖项最多设置 20 个类别。', en: 'Awards can be set for at most 20 categories.' },
  'msg.gallery_sort_votes': {
    'zh-CN': '本次活动不公开票数，不能按票数排序。',
    en: 'This contest does not show vote counts, so works cannot be sorted by votes.',
  },
  'msg.board_level': { 'zh-CN': '层级应为 1 到 6 之间的整数。', en: 'The level must be a whole number from 1 to 6.' },
  'msg.period_order': { 'zh-CN': '结束日期不能早于开始日期。', en: 'The end date cannot be before the start date.' },

  // 概览 custom ranges and the previous period (issue #16 parts 6b, 7; docx)
  'msg.compare': { 'zh-CN': 'compare 只能为 previous（与上一期比较）。', en: 'compare must be previous.' },
  'msg.fresh': { 'zh-CN': 'fresh 只能为 1（重新计算）。', en: 'fresh must be 1 (compute now).' },
  'msg.compare_needs_from': { 'zh-CN': '与上一期比较需要指定开始时间。', en: 'Comparing with the previous period needs a start (from).' },
  // history: templates and import of records before the platform (issue #16 part 5)
  'msg.hist_kind': {
    'zh-CN': '导入类型应为 training、contest、exhibition、volunteer、drive 或 quiz。',
    en: 'The kind is one of training, contest, exhibition, volunteer, drive or quiz.',
  },
  'msg.hist_header': { 'zh-CN': '表头缺少“{column}”列，请使用下载的模板。', en: 'The header row has no {column} column; use the downloaded template.' },
  'msg.hist_too_many': { 'zh-CN': '一次最多导入 {max} 行，请拆分文件后再导入。', en: 'At most {max} rows per import; split the file.' },
  'msg.hist_required': { 'zh-CN': '“{column}”不能为空。', en: '{column} is required.' },
  'msg.hist_too_long': { 'zh-CN': '“{column}”过长（最多 200 字）。', en: '{column} is too long (200 characters at most).' },
  'msg.hist_date': { 'zh-CN': '日期“{value}”无法识别，请写成 2021-07-01。', en: 'The date "{value}" cannot be read; write it as 2021-07-01.' },
  'msg.hist_date_future': { 'zh-CN': '日期 {value} 晚于今天。', en: 'The date {value} is after today.' },
  'msg.hist_date_early': { 'zh-CN': '日期 {value} 早于 2000 年，请检查。', en: 'The date {value} is before 2000; check it.' },
  'msg.hist_phone': { 'zh-CN': '手机号“{value}”格式不正确。', en: 'The mobile number "{value}" is not valid.' },
  'msg.hist_category': { 'zh-CN': '培训类别“{value}”无法识别。', en: 'The training category "{value}" is unknown.' },
  'msg.hist_hours': {
    'zh-CN': '时长“{value}”应为大于 0、不超过 24 的数（学时按 0.5 递增）。',
    en: 'The hours "{value}" must be above 0 and at most 24 (study hours in steps of 0.5).',
  },
  'msg.hist_status': { 'zh-CN': '出勤“{value}”应为出席、迟到、请假或缺席。', en: 'Attendance "{value}" must be 出席, 迟到, 请假 or 缺席.' },
  'msg.hist_person': { 'zh-CN': '请填写手机号或名册编号。', en: 'Give a mobile number or a roster id.' },
  'msg.hist_visitors': { 'zh-CN': '参观人数“{value}”应为正整数。', en: 'The number of visitors "{value}" must be a whole number above 0.' },
  'msg.hist_yes_no': { 'zh-CN': '“是否散客”应填“是”或“否”，而不是“{value}”。', en: 'Walk-in is 是 or 否, not "{value}".' },
  'msg.hist_amount': { 'zh-CN': '金额“{value}”应为大于 0 的元数，最多两位小数。', en: 'The amount "{value}" must be yuan above 0 with at most two decimals.' },
  'msg.hist_points': { 'zh-CN': '积分“{value}”应为 0 及以上的整数。', en: 'Points "{value}" must be a whole number, 0 or more.' },
  'msg.hist_unit': { 'zh-CN': '组织“{value}”不在本组织及下级组织中。', en: 'The unit "{value}" is not this unit or one below it.' },
  'msg.hist_unit_ambiguous': { 'zh-CN': '有多个名为“{value}”的组织，请改填组织编号。', en: 'Several units are named "{value}"; give the unit id instead.' },
  'msg.hist_not_on_roster': { 'zh-CN': '该人员不在本组织及下级组织的名册中。', en: 'This person is not on a roster of this unit or those below it.' },
  'msg.hist_duplicate': { 'zh-CN': '与第 {row} 行重复。', en: 'Same as row {row}.' },
  'msg.hist_file_too_large': { 'zh-CN': '文件超过 {mb} MB，请拆分后再导入。', en: 'The file is over {mb} MB; split it and import the parts.' },
  // plans: yearly training plans and completion certificates (issue #15 parts 6, 7)
  'msg.tr_plan_count': { 'zh-CN': '计划期数/次数应为 0 到 1000 之间的整数。', en: 'Planned classes or sessions must be a whole number from 0 to 1000.' },
  'msg.tr_plan_coverage': { 'zh-CN': '覆盖率目标应为 0 到 100 之间的百分数。', en: 'The coverage target must be a percentage from 0 to 100.' },
  'msg.tr_plan_hours': { 'zh-CN': '人均学时目标应为 0 到 1000 之间、以 0.5 为单位的数。', en: 'The hours target must be from 0 to 1000 in steps of 0.5.' },
  'msg.tr_cert_not_earned': {
    'zh-CN': '{year}年学时为 {hours}，未达到 {target} 学时的年度目标，也没有全勤完成的培训班，暂不能生成结业证书。',
    en: 'In {year} you have {hours} hours, short of the yearly target of {target}, and no class attended in full; no certificate yet.',
  },
  'msg.tr_cert_missing': { 'zh-CN': '没有这张结业证书，请核对验证码。', en: 'No such certificate; check the verification code.' },
  // notify: 消息中心 (notifications) and 通知设置
  'msg.unread_flag': { 'zh-CN': 'unread 只能为 1（仅未读）或 0。', en: 'unread is 1 (unread only) or 0.' },
  'msg.notify_limit': {
    'zh-CN': 'limit 应为 0 到 100 的整数（0 只返回未读数）。',
    en: 'limit must be an integer from 0 to 100 (0 returns only the unread count).',
  },
  'msg.notify_read_body': {
    'zh-CN': '请提交要标为已读的消息 {"ids": [...]}（最多 100 条），或 {"all": true}。',
    en: 'Send the messages to mark read as {"ids": [...]} (at most 100), or {"all": true}.',
  },
  // scale: exports past what one request can stream (issue #20)
  'msg.export_too_large': {
    'zh-CN': '要导出的记录有 {rows} 条，超过单次导出上限 {max} 条，请缩小日期范围或组织范围后分次导出。',
    en: 'This export has {rows} rows, more than the {max} one download can hold; narrow the dates or the unit and export in parts.',
  },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(s: string): s is MessageKey {
  return Object.hasOwn(MESSAGES, s);
}

/** Looks up a message in a language, filling `{name}` placeholders. */
export function msg(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function errMsg(code: ErrorCode | 'internal', lang: Lang): string {
  return MESSAGES[`err.${code}`][lang];
}

/** A generic message for a valibot issue that carries no message key of ours. */
export function issueMessage(issue: { type: string; expected?: string | null; requirement?: unknown }, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const req = issue.requirement;
  switch (issue.type) {
    case 'string':
      return zh ? '应为文本。' : 'Expected text.';
    case 'number':
      return zh ? '应为数字。' : 'Expected a number.';
    case 'boolean':
      return zh ? '应为 true 或 false。' : 'Expected true or false.';
    case 'array':
      return zh ? '应为数组。' : 'Expected an array.';
    case 'object':
    case 'strict_object':
    case 'record':
      if (issue.expected === 'never') return MESSAGES['msg.unknown_field'][lang];
      if (issue.expected?.startsWith('"')) return MESSAGES['msg.required'][lang];
      return zh ? '应为对象。' : 'Expected an object.';
    case 'min_length':
      return zh ? `至少 ${req} 个字符（项）。` : `At least ${req} characters (items).`;
    case 'max_length':
      return zh ? `最多 ${req} 个字符（项）。` : `At most ${req} characters (items).`;
    case 'min_value':
      return zh ? `不能小于 ${req}。` : `Must be at least ${req}.`;
    case 'max_value':
      return zh ? `不能大于 ${req}。` : `Must be at most ${req}.`;
    case 'integer':
      return zh ? '应为整数。' : 'Expected an integer.';
    case 'picklist':
      return zh ? `应为以下之一：${issue.expected}。` : `Expected one of ${issue.expected}.`;
    case 'nullable':
    case 'optional':
      return zh ? '值的类型不对。' : 'Wrong type.';
    default:
      return zh ? '此项无效。' : 'Invalid value.';
  }
}
