ALTER TABLE `leaderboard_entries` ADD `user_id` text;
