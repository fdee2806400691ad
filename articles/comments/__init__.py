"""Reader comments under articles: posting, spam defence, threads, moderation, notifications."""
