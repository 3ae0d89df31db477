-- GET /friendship/check/{id}: the statements the service sent for it, captured from the PostgreSQL statement log
-- by docs/bench/run-all.sh (rerun it to refresh). c = the caller, t = the {id} of the path, both
-- random over seed.sql's ids; :users comes from -D users=N.
\set c random(1, :users)
\set t random(1, :users)
select "friendship_table"."user_id1", "friendship_table"."user_id2", "friendship_table"."requested_at", "friendship_table"."accepted_at" from "friendship_table" where (("friendship_table"."user_id1" = ('u' || lpad(:c::text, 7, '0')) and "friendship_table"."user_id2" = ('u' || lpad(:t::text, 7, '0'))) or ("friendship_table"."user_id1" = ('u' || lpad(:t::text, 7, '0')) and "friendship_table"."user_id2" = ('u' || lpad(:c::text, 7, '0'))));
