CREATE TABLE "gallery_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"format" text NOT NULL,
	"size" integer,
	"quality" integer,
	"image_ids" uuid[] NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer NOT NULL,
	"file_key" text,
	"bytes" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "gallery_exports_status_check" CHECK ("gallery_exports"."status" in ('queued', 'running', 'done', 'failed', 'expired')),
	CONSTRAINT "gallery_exports_format_check" CHECK ("gallery_exports"."format" in ('png', 'jpg', 'webp', 'pdf', 'zip'))
);
--> statement-breakpoint
CREATE INDEX "gallery_exports_user_idx" ON "gallery_exports" USING btree ("user_id","id");