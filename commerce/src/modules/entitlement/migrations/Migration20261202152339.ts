import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202152339 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "course_access_rule" drop constraint if exists "course_access_rule_course_document_id_unique";`);
    this.addSql(`create table if not exists "course_access_rule" ("id" text not null, "course_document_id" text not null, "visibility" text check ("visibility" in ('public', 'members', 'plans')) not null, "plans" jsonb not null, "lesson_rules" jsonb not null, "cms_updated_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "course_access_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_course_access_rule_course_document_id_unique" ON "course_access_rule" ("course_document_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_course_access_rule_deleted_at" ON "course_access_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "course_access_rule" cascade;`);
  }

}
