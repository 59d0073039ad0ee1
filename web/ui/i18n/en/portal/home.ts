import type * as zh from '../../zh-CN/portal/home';
import type { Same } from '../same';

/** The personal home page (signed in): today, the streak, what waits for me. */
export const home: Same<typeof zh.home> = {
  'home.today': 'My day',
  'home.pointsToday': 'Points today',
  'home.streak': 'Streak',
  'home.streakDays': '{n} days',
  'home.streakKeep': 'Nothing yet today: take part in one thing to keep the streak',
  'home.streakStart': 'Take part in something today to start a streak',
  'home.quizGo': "Today's quiz",
  'home.quizResume': "Continue today's quiz",
  'home.quizDone': "Today's quiz is done",
  'home.waiting': 'Waiting for me',
  'home.waitingNone': 'Nothing waiting for you',
  'home.kind.booking': 'Exhibition booking',
  'home.kind.service_activity': 'Service activity',
  'home.kind.entry_review': 'Work under review',
  'home.kind.record_review': 'Service record under review',
  'home.submitted': 'Submitted {date}',
};
