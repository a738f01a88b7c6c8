import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126103612 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership_period" drop constraint if exists "membership_period_line_item_id_unique";`);
    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_customer_id_unique";`);
    this.addSql(`create table if not exists "membership" ("id" text not null, "customer_id" text not null, "plan_handle" text not null, "status" text check ("status" in ('active', 'expired', 'revoked')) not null default 'active', "starts_at" timestamptz not null, "ends_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_customer_id_unique" ON "membership" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_deleted_at" ON "membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_status_ends_at" ON "membership" ("status", "ends_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "membership_period" ("id" text not null, "membership_id" text not null, "plan_handle" text not null, "order_id" text not null, "line_item_id" text not null, "days" integer null, "purchased_at" timestamptz not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "paid_fen" integer not null, "revoked_at" timestamptz null, "revoked_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_period_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_period_membership_id" ON "membership_period" ("membership_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_period_line_item_id_unique" ON "membership_period" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_period_deleted_at" ON "membership_period" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_period_order_id" ON "membership_period" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_period_plan_handle" ON "membership_period" ("plan_handle") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "membership_period" add constraint "membership_period_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "membership_period" drop constraint if exists "membership_period_membership_id_foreign";`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "membership_period" cascade;`);
  }

}
