CREATE INDEX "complaints_step_due_idx" ON "complaints" USING btree ("step","step_due_at");--> statement-breakpoint
CREATE INDEX "deliveries_value_item_idx" ON "deliveries" USING btree ("value_item_id");--> statement-breakpoint
CREATE INDEX "research_notes_segment_idx" ON "research_notes" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "research_notes_need_idx" ON "research_notes" USING btree ("need_id");