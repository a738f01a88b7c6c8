import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126094135 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_plan" drop constraint if exists "membership_plan_handle_unique";`);
    this.addSql(`create table if not exists "membership_plan" ("id" text not null, "handle" text not null, "title" text not null, "interval" text check ("interval" in ('month', 'quarter', 'year', 'lifetime')) not null, "duration_days" integer null, "benefits" jsonb null, "is_active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_plan_handle_unique" ON "membership_plan" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_plan_deleted_at" ON "membership_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "membership_plan" cascade;`);
  }

}
