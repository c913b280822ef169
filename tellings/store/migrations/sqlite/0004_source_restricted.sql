-- A source can be marked restricted (`tellings sources edit NAME --restricted`, a
-- `source.updated` entry); `tellings export bundle --exclude-restricted` then withholds
-- its documents from a bundle.
ALTER TABLE sources ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
