CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"content" text NOT NULL,
	"options" jsonb NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"progress" integer NOT NULL,
	"sequence" integer NOT NULL,
	"attempts" integer NOT NULL,
	"intent" text,
	"refined_prompt" text,
	"reply" text,
	"refinement" jsonb,
	"image" jsonb,
	"error" jsonb,
	"usage" jsonb NOT NULL,
	"timings" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"title" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chat_messages_session_id_id_idx" ON "chat_messages" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "chat_messages_unfinished_updated_at_idx" ON "chat_messages" USING btree ("updated_at","id") WHERE "chat_messages"."status" in ('PENDING', 'PROCESSING');--> statement-breakpoint
CREATE INDEX "chat_sessions_user_id_id_idx" ON "chat_sessions" USING btree ("user_id","id");