ALTER TABLE "gallery_images" DROP CONSTRAINT "gallery_images_message_id_unique";--> statement-breakpoint
ALTER TABLE "gallery_images" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "gallery_images_pipeline_message_id_idx" ON "gallery_images" USING btree ("message_id") WHERE "gallery_images"."storage" <> 'external';--> statement-breakpoint
CREATE UNIQUE INDEX "gallery_images_external_user_message_id_idx" ON "gallery_images" USING btree ("user_id","message_id") WHERE "gallery_images"."storage" = 'external';