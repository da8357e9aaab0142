-- Experiments on collection steps: variants with a split or a learner, the learner's beliefs per
-- customer band, and the outcome of every step taken (the reward the learner learns from).
CREATE TYPE "CollectionExperimentMode" AS ENUM ('OFF', 'SPLIT', 'LEARNING');

ALTER TABLE "CollectionStep" ADD COLUMN "experimentMode" "CollectionExperimentMode" NOT NULL DEFAULT 'OFF';
ALTER TABLE "CollectionAction" ADD COLUMN "variantKey" TEXT;
ALTER TABLE "CollectionAction" ADD COLUMN "assignment" JSONB;
ALTER TABLE "Organization" ADD COLUMN "collectionObjective" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "CollectionStepVariant" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "offsetDays" INTEGER,
    "channel" "CollectionChannel",
    "tone" "CollectionTone",
    "chargeFee" BOOLEAN,
    "templates" JSONB,
    "offerPaymentPlan" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionStepVariant_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CollectionStepVariant_weight_check" CHECK ("weight" BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX "CollectionStepVariant_stepId_key_key" ON "CollectionStepVariant"("stepId", "key");
ALTER TABLE "CollectionStepVariant" ADD CONSTRAINT "CollectionStepVariant_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "CollectionStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CollectionLearnerState" (
    "stepId" TEXT NOT NULL,
    "band" TEXT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "alpha" DOUBLE PRECISION NOT NULL,
    "beta" DOUBLE PRECISION NOT NULL,
    "samples" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionLearnerState_pkey" PRIMARY KEY ("stepId", "band", "variantKey")
);
ALTER TABLE "CollectionLearnerState" ADD CONSTRAINT "CollectionLearnerState_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "CollectionStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CollectionOutcome" (
    "actionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "variantKey" TEXT,
    "band" TEXT NOT NULL,
    "performedOn" DATE NOT NULL,
    "paidWithin3" BOOLEAN,
    "paidWithin7" BOOLEAN,
    "paidWithin14" BOOLEAN,
    "paidOn" DATE,
    "daysDueToPaid" INTEGER,
    "reachedNextStep" BOOLEAN NOT NULL DEFAULT false,
    "reachedHandover" BOOLEAN NOT NULL DEFAULT false,
    "supportContacts14d" INTEGER NOT NULL DEFAULT 0,
    "churned90d" BOOLEAN,
    "feeOre" INTEGER NOT NULL DEFAULT 0,
    "feePaidOre" INTEGER NOT NULL DEFAULT 0,
    "interestOre" INTEGER NOT NULL DEFAULT 0,
    "interestPaidOre" INTEGER NOT NULL DEFAULT 0,
    "reward" DOUBLE PRECISION,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionOutcome_pkey" PRIMARY KEY ("actionId")
);
CREATE INDEX "CollectionOutcome_organizationId_performedOn_idx" ON "CollectionOutcome"("organizationId", "performedOn");
CREATE INDEX "CollectionOutcome_stepId_final_idx" ON "CollectionOutcome"("stepId", "final");
