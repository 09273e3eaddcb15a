CREATE TABLE "gallery_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"session_id" uuid,
	"message_id" uuid,
	"prompt" text NOT NULL,
	"refined_prompt" text,
	"intent" text,
	"provider" text NOT NULL,
	"model" text,
	"seed" bigint,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"format" text NOT NULL,
	"bytes" integer,
	"url" text NOT NULL,
	"thumbnail_url" text,
	"storage" text NOT NULL,
	"storage_key" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "gallery_images_message_id_unique" UNIQUE("message_id"),
	CONSTRAINT "gallery_images_storage_check" CHECK ("gallery_images"."storage" in ('disk', 'cloudinary', 'external'))
);
--> statement-breakpoint
CREATE INDEX "gallery_images_user_live_idx" ON "gallery_images" USING btree ("user_id","id") WHERE "gallery_images"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_trash_idx" ON "gallery_images" USING btree ("user_id","deleted_at","id") WHERE "gallery_images"."deleted_at" is not null;