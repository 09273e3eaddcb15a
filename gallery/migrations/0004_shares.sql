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
CREATE UNIQUE INDEX "gallery_shares_token_hash_idx" ON "gallery_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "gallery_shares_user_image_idx" ON "gallery_shares" USING btree ("user_id","image_id","id");