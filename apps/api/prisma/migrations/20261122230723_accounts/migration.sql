-- CreateEnum
CREATE TYPE "AccessRole" AS ENUM ('VIEWER', 'ANALYST', 'EDITOR', 'APPROVER', 'ADMIN');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('COOKIE', 'BEARER');

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "password_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_grant" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "AccessRole" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "role_grant_region_id_idx" ON "role_grant"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_grant_user_id_role_region_id_key" ON "role_grant"("user_id", "role", "region_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Integrity rules (see base.prisma): sign-in names are stored trimmed and lower-case, counters
-- never go negative, a session ends after it starts.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_username_shape"
  CHECK ("username" = lower(btrim("username")) AND length("username") BETWEEN 2 AND 64);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_failed_logins_nonnegative" CHECK ("failed_logins" >= 0);
ALTER TABLE "session" ADD CONSTRAINT "session_expires_after_creation" CHECK ("expires_at" > "created_at");
