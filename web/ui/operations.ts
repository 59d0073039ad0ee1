import type { InferInput, InferOutput } from 'valibot';
import type { CodeBody, CodeResponse, LoginBody, MeResponse, PasswordResetBody, RegisterBody, SessionResponse, UserResponse } from '@shared/contracts/auth';
import type {
  CampaignResponse,
  CampaignList,
  CampaignTemplateList,
  CoverResponse,
  CreateCampaignBody,
  DuplicateCampaignBody,
  UpdateCampaignBody,
} from '@shared/contracts/campaigns';
import type {
  AssignmentList,
  AwardsBody,
  AwardsResponse,
  DiscountBody,
  DiscountResponse,
  EntryPage,
  EntryResponse,
  EntrySubmitted,
  EntryView,
  JudgeBody,
  JudgeInviteAccepted,
  JudgeInviteCreated,
  JudgeInviteList,
  JudgeInvitePublic,
  JudgesResponse,
  MyVotesResponse,
  PublishResultsBody,
  PublishResultsResponse,
  ResultsResponse,
  ReviewBody,
  RoundBody,
  RoundList,
  RoundOpened,
  RoundResponse,
  ScoreBody,
  ScoreResponse,
  VotePage,
  VoteResponse,
} from '@shared/contracts/contest';
import type {
  DonorPage,
  DriveReportResponse,
  MessageBody,
  PledgeBody,
  PledgePage,
  PledgeRejectBody,
  PledgeResponse,
  ProgressResponse,
  VerifyBody,
} from '@shared/contracts/drive';
import type {
  BookingBody,
  BookingPage,
  BookingResponse,
  CheckInBody,
  CheckInResponse,
  GroupBookingBody,
  SlotList,
  SlotPatch,
  SlotPatched,
  SlotsBody,
  SlotsCreated,
  SlotWaitlist,
  TicketResponse,
  VisitStatsResponse,
  WaitlistBody,
  WaitlistEntry,
} from '@shared/contracts/exhibition';
import type { BoardResponse, FreezeBody, FreezeResponse, MeBoardResponse, ScoresAccepted, ScoresBody } from '@shared/contracts/leaderboards';
import type { ActivityPage, HomeResponse, MyBookings, MyWaitlist } from '@shared/contracts/me';
import type { WechatSignature } from '@shared/contracts/wechat';
import type { HistoryImportResult } from '@shared/contracts/history';
import type { MarkReadBody, MarkReadResponse, NotificationPage, Preferences, PreferencesBody } from '@shared/contracts/notifications';
import type { ArchiveResponse, CreateOrgUnitBody, Metrics, OrgUnitList, OrgUnitResponse, RosterPage, RosterReport, TodoItem } from '@shared/contracts/org';
import type {
  MembersPage,
  PeriodList,
  RegistryCounts,
  RegistryMemberResponse,
  RegistryPatchBody,
  TransferBody,
  TransferResponse,
  UnitPatchBody,
} from '@shared/contracts/people';
import type { AppointBody, AuditPage, RoleList, RoleResponse } from '@shared/contracts/roles';
import type { DeleteAccountBody, MyData, MyRoster, WithdrawBody, WithdrawResponse } from '@shared/contracts/pipl';
import type {
  ActiveAttemptResponse,
  AdmissionList,
  AdvanceResponse,
  AnswerBody,
  AnswerResponse,
  AttemptPage,
  AttemptResponse,
  AttemptView,
  BankList,
  BankResponse,
  CreateBankBody,
  NextQuestionResponse,
  QuestionBody,
  QuestionPage,
  QuestionResponse,
  QuizLobby,
  QuizStats,
  ReviewAttemptBody,
  ReviewAttemptResponse,
  StageBody,
  StageList,
  StagePatch,
  StageResponse,
  StartAttemptBody,
} from '@shared/contracts/quiz';
import type * as Vol from '@shared/contracts/volunteer';
import type * as Tr from '@shared/contracts/training';
import type * as Rooms from '@shared/contracts/rooms';
import type { Report as ReportSchema, ReportRows } from '@shared/contracts/report';
import type * as Plan from '@shared/contracts/training-plans';
import type * as Cert from '@shared/contracts/training-certificate';

/*
 * The API's operations, typed from the contracts in shared/contracts: what each answers
 * (`res`) and, for writes, what it takes (`body`, the schema's input). Type-only: nothing of
 * valibot reaches a bundle. `call()` in ./api.ts takes an operation's name, its path
 * parameters, query and body, and answers with the contract's type — so a screen and the
 * server cannot disagree about a shape without the compiler saying so.
 */

type Out<S> = S extends import('valibot').GenericSchema ? InferOutput<S> : never;
type In<S> = S extends import('valibot').GenericSchema ? InferInput<S> : never;
interface Op<R, B = never> {
  res: R;
  body: B;
}
type Item<S> = { items: Array<Out<S>> };
type Obj<K extends string, S> = { [k in K]: Out<S> };

export interface Operations {
  // accounts
  'GET /me': Op<Out<typeof MeResponse>>;
  'GET /auth/session': Op<Out<typeof SessionResponse>>;
  'POST /auth/register': Op<Out<typeof UserResponse>, In<typeof RegisterBody>>;
  'POST /auth/login': Op<Out<typeof UserResponse>, In<typeof LoginBody>>;
  'POST /auth/logout': Op<void>;
  'POST /auth/codes': Op<Out<typeof CodeResponse>, In<typeof CodeBody>>;
  'POST /auth/password-reset': Op<void, In<typeof PasswordResetBody>>;
  'GET /me/activity': Op<Out<typeof ActivityPage>>;
  'GET /me/bookings': Op<Out<typeof MyBookings>>;
  'GET /me/waitlist': Op<Out<typeof MyWaitlist>>;
  'GET /me/home': Op<Out<typeof HomeResponse>>;
  // 消息中心 (notifications) and 通知设置
  'GET /me/notifications': Op<Out<typeof NotificationPage>>;
  'POST /me/notifications/read': Op<Out<typeof MarkReadResponse>, In<typeof MarkReadBody>>;
  'GET /me/preferences': Op<Out<typeof Preferences>>;
  'PUT /me/preferences': Op<Out<typeof Preferences>, In<typeof PreferencesBody>>;
  // org tree
  'GET /org-units': Op<Out<typeof OrgUnitList>>;
  'POST /org-units': Op<Out<typeof OrgUnitResponse>, In<typeof CreateOrgUnitBody>>;
  'GET /org-units/{id}/metrics': Op<Out<typeof Metrics>>;
  'GET /org-units/{id}/report': Op<Out<typeof ReportSchema>>;
  'GET /org-units/{id}/todo': Op<Item<typeof TodoItem>>;
  'GET /org-units/{id}/roster': Op<Out<typeof RosterPage>>;
  'POST /org-units/{id}/roster': Op<Out<typeof RosterReport>, FormData>;
  'POST /org-units/{id}/history/import': Op<Out<typeof HistoryImportResult>, FormData>;
  'PATCH /org-units/{id}': Op<Out<typeof OrgUnitResponse>, In<typeof UnitPatchBody>>;
  'POST /org-units/{id}/archive': Op<Out<typeof ArchiveResponse>>;
  // the member registry
  'GET /org-units/{id}/members': Op<Out<typeof MembersPage>>;
  'GET /org-units/{id}/members/counts': Op<Out<typeof RegistryCounts>>;
  'GET /org-units/{id}/report/rows': Op<Out<typeof ReportRows>>;
  'POST /org-units/{id}/transfers': Op<Out<typeof TransferResponse>, In<typeof TransferBody>>;
  'PATCH /roster/{id}': Op<Out<typeof RegistryMemberResponse>, In<typeof RegistryPatchBody>>;
  'GET /roster/{id}/periods': Op<Out<typeof PeriodList>>;
  // roles, audit and personal-data rights
  'GET /org-units/{id}/roles': Op<Out<typeof RoleList>>;
  'POST /org-units/{id}/roles': Op<Out<typeof RoleResponse>, In<typeof AppointBody>>;
  'DELETE /org-units/{id}/roles/{userId}/{role}': Op<void>;
  'GET /org-units/{id}/audit': Op<Out<typeof AuditPage>>;
  'GET /me/data': Op<Out<typeof MyData>>;
  'GET /me/roster': Op<Out<typeof MyRoster>>;
  'DELETE /me': Op<void, In<typeof DeleteAccountBody>>;
  'POST /pairs/withdraw': Op<Out<typeof WithdrawResponse>, In<typeof WithdrawBody>>;
  // campaigns and leaderboards
  'GET /campaigns': Op<Out<typeof CampaignList>>;
  'POST /campaigns': Op<Out<typeof CampaignResponse>, In<typeof CreateCampaignBody>>;
  'GET /campaigns/{id}': Op<Out<typeof CampaignResponse>>;
  'PATCH /campaigns/{id}': Op<Out<typeof CampaignResponse>, In<typeof UpdateCampaignBody>>;
  'PUT /campaigns/{id}/cover': Op<Out<typeof CoverResponse>, FormData>;
  'DELETE /campaigns/{id}/cover': Op<Out<typeof CoverResponse>>;
  'POST /campaigns/{id}/publish': Op<Out<typeof CampaignResponse>>;
  'POST /campaigns/{id}/close': Op<Out<typeof CampaignResponse>>;
  'POST /campaigns/{id}/duplicate': Op<Out<typeof CampaignResponse>, In<typeof DuplicateCampaignBody>>;
  'GET /campaign-templates': Op<Out<typeof CampaignTemplateList>>;
  'GET /wechat/signature': Op<Out<typeof WechatSignature>>;
  'GET /campaigns/{id}/leaderboard': Op<Out<typeof BoardResponse>>;
  'GET /campaigns/{id}/leaderboard/me': Op<Out<typeof MeBoardResponse>>;
  'POST /campaigns/{id}/leaderboard/scores': Op<Out<typeof ScoresAccepted>, In<typeof ScoresBody>>;
  'POST /campaigns/{id}/leaderboard/freeze': Op<Out<typeof FreezeResponse>, In<typeof FreezeBody>>;
  'POST /campaigns/{id}/leaderboard/unfreeze': Op<Out<typeof FreezeResponse>, In<typeof FreezeBody>>;
  // quiz
  'GET /campaigns/{id}/quiz/me': Op<Out<typeof QuizLobby>>;
  'POST /campaigns/{id}/attempts': Op<Obj<'attempt', typeof AttemptView>, In<typeof StartAttemptBody>>;
  'GET /attempts/{id}': Op<Out<typeof AttemptResponse>>;
  'POST /attempts/{id}/review': Op<Out<typeof ReviewAttemptResponse>, In<typeof ReviewAttemptBody>>;
  'POST /attempts/{id}/answers': Op<Out<typeof AnswerResponse>, In<typeof AnswerBody>>;
  'POST /attempts/{id}/next': Op<Out<typeof NextQuestionResponse>>;
  'GET /campaigns/{id}/attempts/active': Op<Out<typeof ActiveAttemptResponse>>;
  'GET /campaigns/{id}/stages': Op<Out<typeof StageList>>;
  'POST /campaigns/{id}/stages': Op<Out<typeof StageResponse>, In<typeof StageBody>>;
  'PATCH /campaigns/{id}/stages/{stageId}': Op<Out<typeof StageResponse>, In<typeof StagePatch>>;
  'POST /campaigns/{id}/stages/{stageId}/advance': Op<Out<typeof AdvanceResponse>>;
  'GET /campaigns/{id}/stages/{stageId}/admissions': Op<Out<typeof AdmissionList>>;
  'GET /campaigns/{id}/quiz-stats': Op<Out<typeof QuizStats>>;
  'GET /campaigns/{id}/attempts': Op<Out<typeof AttemptPage>>;
  'GET /question-banks': Op<Out<typeof BankList>>;
  'POST /question-banks': Op<Out<typeof BankResponse>, In<typeof CreateBankBody>>;
  'GET /question-banks/{id}': Op<Out<typeof BankResponse>>;
  'GET /question-banks/{id}/questions': Op<Out<typeof QuestionPage>>;
  'POST /question-banks/{id}/questions': Op<Out<typeof QuestionResponse>, In<typeof QuestionBody>>;
  'PATCH /questions/{id}': Op<Out<typeof QuestionResponse>, In<typeof QuestionBody>>;
  'DELETE /questions/{id}': Op<void>;
  // contests
  'GET /campaigns/{id}/entries': Op<Out<typeof EntryPage>>;
  'POST /campaigns/{id}/entries': Op<Out<typeof EntrySubmitted>, FormData>;
  'GET /entries/{id}': Op<Out<typeof EntryView>>;
  'POST /entries/{id}/review': Op<Out<typeof EntryResponse>, In<typeof ReviewBody>>;
  'POST /entries/{id}/views': Op<void>;
  'POST /entries/{id}/votes': Op<Out<typeof VoteResponse>>;
  'GET /campaigns/{id}/my-votes': Op<Out<typeof MyVotesResponse>>;
  'GET /campaigns/{id}/votes': Op<Out<typeof VotePage>>;
  'POST /campaigns/{id}/votes/discount': Op<Out<typeof DiscountResponse>, In<typeof DiscountBody>>;
  'GET /campaigns/{id}/results': Op<Out<typeof ResultsResponse>>;
  'POST /campaigns/{id}/results/publish': Op<Out<typeof PublishResultsResponse>, In<typeof PublishResultsBody>>;
  'POST /campaigns/{id}/awards': Op<Out<typeof AwardsResponse>, In<typeof AwardsBody>>;
  'GET /campaigns/{id}/judges': Op<Out<typeof JudgesResponse>>;
  'POST /campaigns/{id}/judges': Op<Out<typeof JudgesResponse>, In<typeof JudgeBody>>;
  'POST /campaigns/{id}/judge-invites': Op<Out<typeof JudgeInviteCreated>>;
  'GET /campaigns/{id}/judge-invites': Op<Out<typeof JudgeInviteList>>;
  'DELETE /campaigns/{id}/judge-invites/{inviteId}': Op<void>;
  'GET /judge-invites/{code}': Op<Out<typeof JudgeInvitePublic>>;
  'POST /judge-invites/{code}/accept': Op<Out<typeof JudgeInviteAccepted>>;
  'GET /campaigns/{id}/judging-rounds': Op<Out<typeof RoundList>>;
  'POST /campaigns/{id}/judging-rounds': Op<Out<typeof RoundOpened>, In<typeof RoundBody>>;
  'POST /judging-rounds/{id}/close': Op<Out<typeof RoundResponse>>;
  'GET /judging/assignments': Op<Out<typeof AssignmentList>>;
  'POST /entries/{id}/scores': Op<Out<typeof ScoreResponse>, In<typeof ScoreBody>>;
  'POST /entries/{id}/conflict': Op<void>;
  // 1+1 volunteers and service activities
  'POST /campaigns/{id}/invites': Op<Out<typeof Vol.InviteLink>>;
  'GET /invites/{code}': Op<Out<typeof Vol.InviteView>>;
  'POST /campaigns/{id}/pairs': Op<Out<typeof Vol.PairCreated>, In<typeof Vol.PairBody>>;
  'GET /campaigns/{id}/pairs': Op<Out<typeof Vol.PairPage>>;
  'POST /pairs/{id}/unlink': Op<Out<typeof Vol.UnlinkResponse>, In<typeof Vol.UnlinkBody>>;
  'POST /campaigns/{id}/service-records': Op<Out<typeof Vol.RecordResponse>, In<typeof Vol.RecordBody>>;
  'GET /campaigns/{id}/service-records': Op<Out<typeof Vol.RecordPage>>;
  'POST /campaigns/{id}/service-records/review': Op<Out<typeof Vol.ReviewedResponse>, In<typeof Vol.ReviewRecordsBody>>;
  'POST /service-records/{id}/approve': Op<Out<typeof Vol.RecordResponse>>;
  'POST /service-records/{id}/reject': Op<Out<typeof Vol.RecordResponse>, In<typeof Vol.RejectBody>>;
  'GET /campaigns/{id}/volunteer-stats': Op<Out<typeof Vol.VolunteerStatsResponse>>;
  'GET /campaigns/{id}/my-volunteer': Op<Out<typeof Vol.MyVolunteer>>;
  'GET /campaigns/{id}/certificate': Op<Out<typeof Vol.CertificateResponse>>;
  'GET /certificates/{code}': Op<Out<typeof Vol.CertificateCheck>>;
  'GET /campaigns/{id}/service-activities': Op<Item<typeof Vol.ServiceActivitySchema>>;
  'POST /campaigns/{id}/service-activities': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>, In<typeof Vol.ServiceActivityBody>>;
  'GET /service-activities/{id}': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>>;
  'PATCH /service-activities/{id}': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>, In<typeof Vol.ServiceActivityPatch>>;
  'POST /service-activities/{id}/cancel': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>>;
  'POST /service-activities/{id}/signups': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>>;
  'DELETE /service-activities/{id}/signups': Op<Obj<'serviceActivity', typeof Vol.ServiceActivitySchema>>;
  'GET /service-activities/{id}/signups': Op<Out<typeof Vol.SignupList>>;
  'GET /service-activities/{id}/code': Op<Out<typeof Vol.CodeScreenResponse>>;
  'POST /service-activities/{id}/check': Op<Out<typeof Vol.CheckResponse>, In<typeof Vol.CheckBody>>;
  // charity drives
  'POST /campaigns/{id}/pledges': Op<Out<typeof PledgeResponse>, In<typeof PledgeBody>>;
  'GET /campaigns/{id}/progress': Op<Out<typeof ProgressResponse>>;
  'GET /campaigns/{id}/donors': Op<Out<typeof DonorPage>>;
  'GET /campaigns/{id}/pledges': Op<Out<typeof PledgePage>>;
  'GET /campaigns/{id}/drive-report': Op<Out<typeof DriveReportResponse>>;
  'POST /pledges/{id}/verify': Op<Out<typeof PledgeResponse>, In<typeof VerifyBody>>;
  'POST /pledges/{id}/reject': Op<Out<typeof PledgeResponse>, In<typeof PledgeRejectBody>>;
  'POST /pledges/{id}/message': Op<Out<typeof PledgeResponse>, In<typeof MessageBody>>;
  'POST /pledges/{id}/receipt': Op<Out<typeof PledgeResponse>, FormData>;
  // exhibitions
  'POST /campaigns/{id}/slots': Op<Out<typeof SlotsCreated>, In<typeof SlotsBody>>;
  'GET /campaigns/{id}/slots': Op<Out<typeof SlotList>>;
  'PATCH /slots/{id}': Op<Out<typeof SlotPatched>, In<typeof SlotPatch>>;
  'GET /slots/{id}/waitlist': Op<Out<typeof SlotWaitlist>>;
  'POST /campaigns/{id}/bookings': Op<Out<typeof BookingResponse>, In<typeof BookingBody>>;
  'POST /campaigns/{id}/group-bookings': Op<Out<typeof BookingResponse>, In<typeof GroupBookingBody>>;
  'GET /campaigns/{id}/bookings': Op<Out<typeof BookingPage>>;
  'GET /campaigns/{id}/visit-stats': Op<Out<typeof VisitStatsResponse>>;
  'POST /campaigns/{id}/slots/{slotId}/waitlist': Op<Obj<'entry', typeof WaitlistEntry>, In<typeof WaitlistBody>>;
  'GET /waitlist/{id}': Op<Obj<'entry', typeof WaitlistEntry>>;
  'DELETE /waitlist/{id}': Op<Obj<'entry', typeof WaitlistEntry>>;
  'GET /bookings/{code}': Op<Out<typeof TicketResponse>>;
  'POST /bookings/{code}/check-in': Op<Out<typeof CheckInResponse>, In<typeof CheckInBody>>;
  'POST /bookings/{id}/cancel': Op<Out<typeof BookingResponse>>;
  // live rooms (现场竞赛) and matches (双人对战 / 四人赛)
  'GET /campaigns/{id}/rooms': Op<Out<typeof Rooms.RoomList>>;
  'POST /campaigns/{id}/rooms': Op<Out<typeof Rooms.RoomCreated>, In<typeof Rooms.CreateRoomBody>>;
  'GET /rooms/{pin}': Op<Out<typeof Rooms.RoomPublic>>;
  'POST /rooms/{id}/host': Op<Out<typeof Rooms.HostCommandResponse>, In<typeof Rooms.HostCommandBody>>;
  'GET /rooms/{id}/results': Op<Out<typeof Rooms.RoomResults>>;
  'POST /campaigns/{id}/matches': Op<Out<typeof Rooms.MatchTicket>, In<typeof Rooms.MatchBody>>;
  'GET /campaigns/{id}/matches/{ticket}': Op<Out<typeof Rooms.MatchTicket>>;
  'GET /matches/{id}': Op<Out<typeof Rooms.MatchResult>>;
  // 党员教育培训 (training)
  'GET /campaigns/{id}/sessions': Op<Out<typeof Tr.SessionList>>;
  'POST /campaigns/{id}/sessions': Op<Out<typeof Tr.SessionsCreated>, In<typeof Tr.SessionBody>>;
  'PATCH /sessions/{id}': Op<Out<typeof Tr.SessionResponse>, In<typeof Tr.SessionPatch>>;
  'DELETE /sessions/{id}': Op<void>;
  'GET /sessions/{id}/code': Op<Out<typeof Tr.CodeScreen>>;
  'POST /sessions/{id}/check-in': Op<Out<typeof Tr.CheckInResponse>, In<typeof Tr.CheckInBody>>;
  'GET /sessions/{id}/attendance': Op<Out<typeof Tr.RegisterResponse>>;
  'POST /sessions/{id}/attendance': Op<Out<typeof Tr.UpdatedResponse>, In<typeof Tr.AttendanceBody>>;
  'POST /campaigns/{id}/enrollments': Op<Out<typeof Tr.EnrolledResponse>, In<typeof Tr.EnrollBody>>;
  'GET /campaigns/{id}/enrollments': Op<Out<typeof Tr.EnrollmentPage>>;
  'POST /campaigns/{id}/enroll': Op<Out<typeof Tr.EnrolledResponse>>;
  'GET /campaigns/{id}/my-training': Op<Out<typeof Tr.MyEnrollment>>;
  'GET /campaigns/{id}/training-stats': Op<Out<typeof Tr.TrainingStats>>;
  'GET /campaigns/{id}/materials': Op<Out<typeof Tr.MaterialList>>;
  'POST /campaigns/{id}/materials': Op<Out<typeof Tr.MaterialResponse>, In<typeof Tr.MaterialBody>>;
  'POST /materials/{id}/start': Op<Out<typeof Tr.StudyStarted>>;
  'POST /studies/{id}/finish': Op<Out<typeof Tr.StudyFinished>>;
  'GET /me/learning': Op<Out<typeof Tr.Learning>>;
  'GET /me/learning/certificate': Op<Out<typeof Cert.TrainingCertificate>>;
  // yearly training plans (issue #15 part 6)
  'GET /org-units/{id}/training-plans/{year}': Op<Out<typeof Plan.PlanView>>;
  'PUT /org-units/{id}/training-plans/{year}': Op<Out<typeof Plan.PlanView>, In<typeof Plan.PlanBody>>;
}

export type OperationName = keyof Operations;
export type ResponseOf<K extends OperationName> = Operations[K]['res'];
export type BodyOf<K extends OperationName> = Operations[K]['body'];

/** `{id}` and `{slotId}` of '/campaigns/{id}/slots/{slotId}/waitlist' → { id: string; slotId: string }. */
export type PathParams<P extends string> = P extends `${string}{${infer N}}${infer R}` ? { [k in N]: string } & PathParams<R> : unknown;
export type ParamsOf<K extends OperationName> = PathParams<K extends `${string} ${infer P}` ? P : never>;
