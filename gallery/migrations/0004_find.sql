ALTER TABLE "gallery_images" ADD COLUMN "negative_prompt" text;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "usage" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "timings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("prompt", '') || ' ' || coalesce("refined_prompt", '')) || to_tsvector('simple'::regconfig, coalesce("prompt", '') || ' ' || coalesce("refined_prompt", ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "gallery_images_user_session_idx" ON "gallery_images" USING btree ("user_id","session_id","id") WHERE "gallery_images"."deleted_at" is null and "gallery_images"."session_id" is not null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_message_idx" ON "gallery_images" USING btree ("user_id","message_id") WHERE "gallery_images"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "gallery_images_user_created_idx" ON "gallery_images" USING btree ("user_id","created_at") WHERE "gallery_images"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "gallery_images_search_idx" ON "gallery_images" USING gin ("search") WHERE "gallery_images"."deleted_at" is null;