-- Each staff member's console language; null follows the organisation's default language.
ALTER TABLE "StaffUser" ADD COLUMN "locale" "Locale";
