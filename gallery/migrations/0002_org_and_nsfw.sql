ALTER TABLE "gallery_images" ADD COLUMN "org_id" text;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "is_nsfw" boolean DEFAULT false NOT NULL;