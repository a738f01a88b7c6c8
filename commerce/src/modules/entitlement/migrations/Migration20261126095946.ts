import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126095946 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "entitlement" drop constraint if exists "entitlement_line_item_id_unique";`);
    this.addSql(`create table if not exists "entitlement" ("id" text not null, "customer_id" text not null, "course_document_id" text not null, "scope" text check ("scope" in ('course', 'lessons')) not null, "lesson_document_ids" jsonb null, "source_kind" text check ("source_kind" in ('course', 'bundle', 'upgrade')) not null, "source_document_id" text not null, "order_id" text not null, "line_item_id" text not null, "paid_fen" integer not null, "starts_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "revoked_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "entitlement_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_entitlement_line_item_id_unique" ON "entitlement" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_deleted_at" ON "entitlement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_customer_id_course_document_id" ON "entitlement" ("customer_id", "course_document_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_entitlement_order_id" ON "entitlement" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "entitlement" cascade;`);
  }

}
