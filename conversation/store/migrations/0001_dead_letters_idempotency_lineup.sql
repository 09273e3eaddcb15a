ALTER TABLE "chat_messages" ADD COLUMN "image_deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD COLUMN "request_hash" text;--> statement-breakpoint
CREATE INDEX "chat_messages_unfinished_session_id_id_idx" ON "chat_messages" USING btree ("session_id","id") WHERE "chat_messages"."status" in ('PENDING', 'PROCESSING');--> statement-breakpoint
CREATE INDEX "chat_messages_failed_id_idx" ON "chat_messages" USING btree ("id") WHERE "chat_messages"."status" = 'FAILED';--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_user_id_idempotency_key_idx" ON "chat_messages" USING btree ("user_id","idempotency_key") WHERE "chat_messages"."idempotency_key" is not null;