-- GET /friendship/requests: the statements the service sent for it, captured from the PostgreSQL statement log
-- by docs/bench/run-all.sh (rerun it to refresh). c = the caller, t = the {id} of the path, both
-- random over seed.sql's ids; :users comes from -D users=N.
\set c random(1, :users)
\set t random(1, :users)
select "user_table"."user_id", "user_table"."first_name", "user_table"."last_name", "user_table"."description", "user_table"."profile_image_uploaded_at", "user_table"."profile_image_extension", "friendship_table"."requested_at" from "friendship_table" join "user_table" on "user_table"."user_id" = "friendship_table"."user_id1" where ("friendship_table"."user_id2" = ('u' || lpad(:c::text, 7, '0')) and "friendship_table"."accepted_at" is null) order by "friendship_table"."requested_at" desc, "friendship_table"."user_id1";
