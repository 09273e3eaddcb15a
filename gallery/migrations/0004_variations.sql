DROP INDEX "gallery_images_pipeline_message_id_idx";--> statement-breakpoint
ALTER TABLE "gallery_images" ADD COLUMN "variation" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "gallery_images_pipeline_message_variation_idx" ON "gallery_images" USING btree ("message_id","variation") WHERE "gallery_images"."storage" <> 'external';