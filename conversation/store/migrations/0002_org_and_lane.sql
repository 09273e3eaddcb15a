DROP INDEX "chat_messages_failed_id_idx";--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "org_id" text;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "lane" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD COLUMN "org_id" text;--> statement-breakpoint
CREATE INDEX "chat_messages_failed_org_id_id_idx" ON "chat_messages" USING btree ("org_id","id") WHERE "chat_messages"."status" = 'FAILED';--> statement-breakpoint
CREATE INDEX "chat_messages_unfinished_org_id_id_idx" ON "chat_messages" USING btree ("org_id","id") WHERE "chat_messages"."status" in ('PENDING', 'PROCESSING');