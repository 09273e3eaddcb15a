CREATE TABLE "gallery_album_images" (
	"album_id" uuid NOT NULL,
	"image_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gallery_album_images_album_id_image_id_pk" PRIMARY KEY("album_id","image_id")
);
--> statement-breakpoint
CREATE TABLE "gallery_albums" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "gallery_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"image_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"password_hash" text,
	"allow_download" boolean DEFAULT true NOT NULL,
	"show_prompt" boolean DEFAULT true NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "negative_prompt" text;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "usage" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "timings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("prompt", '') || ' ' || coalesce("refined_prompt", '')) || to_tsvector('simple'::regconfig, coalesce("prompt", '') || ' ' || coalesce("refined_prompt", ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "favorited_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "gallery_album_images_user_image_idx" ON "gallery_album_images" USING btree ("user_id","image_id");--> statement-breakpoint
CREATE INDEX "gallery_albums_user_idx" ON "gallery_albums" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "gallery_exports_user_idx" ON "gallery_exports" USING btree ("user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "gallery_shares_token_hash_idx" ON "gallery_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "gallery_shares_user_image_idx" ON "gallery_shares" USING btree ("user_id","image_id","id");--> statement-breakpoint
CREATE INDEX "gallery_images_user_favorite_idx" ON "gallery_images" USING btree ("user_id","id") WHERE "gallery_images"."deleted_at" is null and "gallery_images"."favorited_at" is not null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_session_idx" ON "gallery_images" USING btree ("user_id","session_id","id") WHERE "gallery_images"."deleted_at" is null and "gallery_images"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_message_idx" ON "gallery_images" USING btree ("user_id","message_id") WHERE "gallery_images"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_created_idx" ON "gallery_images" USING btree ("user_id","created_at") WHERE "gallery_images"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "gallery_images_search_idx" ON "gallery_images" USING gin ("search") WHERE "gallery_images"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "gallery_images_trash_purge_idx" ON "gallery_images" USING btree ("deleted_at","id") WHERE "gallery_images"."deleted_at" is not null;