-- GET /users/id/{id}: the statements the service sent for it, captured from the PostgreSQL statement log
-- by docs/bench/run-all.sh (rerun it to refresh). c = the caller, t = the {id} of the path, both
-- random over seed.sql's ids; :users comes from -D users=N.
\set c random(1, :users)
\set t random(1, :users)
select "user_table"."user_id", "user_table"."email", "user_table"."email_public", "user_table"."first_name", "user_table"."last_name", "user_table"."dob", "user_table"."dob_public", "user_table"."created_at", "user_table"."share_mode", "user_table"."domain_allow_array", "user_table"."domain_deny_array", "user_table"."gender", "user_table"."gender_public", "user_table"."school", "user_table"."school_public", "user_table"."work", "user_table"."work_public", "user_table"."location", "user_table"."location_public", "user_table"."description", "user_table"."profile_image_uploaded_at", "user_table"."profile_image_extension" from "user_table" where "user_table"."user_id" = ('u' || lpad(:t::text, 7, '0'));
