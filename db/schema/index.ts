export * from './accounts';
export * from './org';
export * from './campaigns';
export * from './activity';
export * from './leaderboards';
export * from './quiz';
export * from './contest';
export * from './volunteer';
