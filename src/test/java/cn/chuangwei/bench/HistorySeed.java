package cn.chuangwei.bench;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The past of a province, written by SQL in the shapes the application and the engine write: closed patrol cases of
 * the twelve months before the run with their events (a tenth reworked once), their process and task history, and the
 * task history of earlier campaigns' phases, up to the target of historic task rows. Activity and variable history is
 * not written: no measured query reads it. PostgreSQL only.
 */
final class HistorySeed {

    private HistorySeed() {
    }

    /** Seeds {@code cases} closed cases and tops the task history up to {@code historicTasks}; returns the task history's size. */
    static long seed(JdbcClient jdbc, int cases, int historicTasks, LocalDateTime now) {
        Timestamp t0 = Timestamp.valueOf(now);
        String caseDefinition = jdbc.sql("""
                select id_ from act_re_procdef where key_ = 'patrol-case' order by version_ desc limit 1""")
                .query(String.class).single();
        String phaseDefinition = jdbc.sql("select id_ from act_re_procdef where key_ = 'campaign-phase' order by version_ desc limit 1")
                .query(String.class).single();
        int units = jdbc.sql("select count(*) from campaign_unit").query(Integer.class).single();
        jdbc.sql("""
                insert into patrol_case (campaign_id, grid_code, source, category, urgency, description, address, reported_by,
                    status, unit_code, sent_back, rework_count, reopened, handle_due, reported_at, registered_at,
                    dispatched_at, handled_at, closed_at, closed_on_time, process_instance_id, feedback_result, fed_back_at,
                    feedback_due)
                select t.campaign_id, 'G1', case when s.g % 5 = 0 then 'HOTLINE' else 'PATROL' end, cat.code, 'NORMAL',
                       '历史巡查案件' || s.g, '历史地址' || s.g, t.inspector, 'CLOSED', t.unit_code, false,
                       case when s.g % 10 = 0 then 1 else 0 end, false, s.r + interval '3 days', s.r,
                       s.r + interval '1 hour', s.r + interval '2 hours', s.r + interval '26 hours',
                       s.r + case when s.g % 7 = 0 then interval '4 days' else interval '2 days' end, s.g % 7 <> 0,
                       'bench-case-' || s.g, '已清运', s.r + interval '28 hours', s.r + interval '30 hours'
                from (select g, cast(:t0 as timestamp) - (5 + g % 360) * interval '1 day' - (g % 11) * interval '1 hour' as r
                      from generate_series(1, :n) g) s
                join (select row_number() over (order by u.campaign_id, u.code) - 1 as k, u.campaign_id, u.code as unit_code,
                             p.inspector
                      from campaign_unit u join patrol_grid p on p.campaign_id = u.campaign_id and p.code = 'G1') t
                  on t.k = s.g % :units
                join (select row_number() over (order by seq) - 1 as k, code from case_category) cat on cat.k = s.g % 13""")
                .param("t0", t0).param("n", cases).param("units", units).update();
        jdbc.sql("""
                insert into case_event (case_id, event, actor, at)
                select p.id, e.event, p.reported_by, case e.event when 'REPORTED' then p.reported_at
                    when 'REGISTERED' then p.registered_at when 'DISPATCHED' then p.dispatched_at
                    when 'HANDLED' then p.handled_at when 'FED_BACK' then p.fed_back_at else p.closed_at end
                from patrol_case p cross join (values ('REPORTED'), ('REGISTERED'), ('DISPATCHED'), ('HANDLED'), ('FED_BACK'),
                    ('CLOSED')) e(event)
                where p.process_instance_id like 'bench-case-%'""").update();
        jdbc.sql("""
                insert into case_event (case_id, event, actor, note, at)
                select p.id, 'CHECK_FAILED', p.reported_by, '未清理干净', p.handled_at + interval '1 hour'
                from patrol_case p where p.process_instance_id like 'bench-case-%' and p.rework_count = 1""").update();
        jdbc.sql("""
                insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
                    end_time_, removal_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
                select p.process_instance_id, p.process_instance_id, 'case-' || p.id, 'patrol-case', :def, p.reported_at,
                       p.closed_at, p.closed_at + interval '1825 days',
                       cast(extract(epoch from (p.closed_at - p.reported_at)) * 1000 as bigint),
                       'CaseReported', 'CaseClosed', p.process_instance_id, 'COMPLETED'
                from patrol_case p where p.process_instance_id like 'bench-case-%'""").param("def", caseDefinition).update();
        jdbc.sql("""
                insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                    execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_,
                    priority_, due_date_, removal_time_, task_state_)
                select p.process_instance_id || ':' || k.key, k.key, 'patrol-case', :def, p.process_instance_id,
                       p.process_instance_id, p.process_instance_id, k.key || ':' || p.process_instance_id,
                       k.name || '：历史巡查案件' || p.id,
                       case when k.key in ('handleCase', 'feedbackCase') then u.head_user_id when k.key = 'checkCase' then p.reported_by
                            else 'bench-office' end,
                       k.started, k.ended, cast(extract(epoch from (k.ended - k.started)) * 1000 as bigint), 'completed', 50,
                       k.ended + interval '1 day', p.closed_at + interval '1825 days', 'Completed'
                from patrol_case p
                join campaign_unit u on u.campaign_id = p.campaign_id and u.code = p.unit_code
                cross join lateral (values ('registerCase', '立案', p.reported_at, p.registered_at),
                    ('dispatchCase', '派遣', p.registered_at, p.dispatched_at),
                    ('handleCase', '处置', p.dispatched_at, p.handled_at),
                    ('feedbackCase', '处理反馈', p.handled_at, p.fed_back_at),
                    ('checkCase', '核查', p.fed_back_at, p.closed_at)) k(key, name, started, ended)
                where p.process_instance_id like 'bench-case-%'""").param("def", caseDefinition).update();
        long have = jdbc.sql("select count(*) from act_hi_taskinst").query(Long.class).single();
        long missing = Math.max(0, historicTasks - have);
        if (missing > 0) {
            // earlier campaigns' phases: 600 tasks each, a unit's task and the office's review, accepted in three days
            jdbc.sql("""
                    insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
                        end_time_, removal_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
                    select 'bench-phase-' || g, 'bench-phase-' || g, null, 'campaign-phase', :def,
                           cast(:t0 as timestamp) - (400 + g % 300) * interval '1 day',
                           cast(:t0 as timestamp) - (370 + g % 300) * interval '1 day',
                           cast(:t0 as timestamp) + (1455 - g % 300) * interval '1 day', 2592000000,
                           'PhaseStarted', 'PhaseDone', 'bench-phase-' || g, 'COMPLETED'
                    from generate_series(0, :phases) g""")
                    .param("def", phaseDefinition).param("t0", t0).param("phases", missing / 600).update();
            jdbc.sql("""
                    insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                        proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_,
                        delete_reason_, priority_, due_date_, removal_time_, task_state_)
                    select 'bench-task-' || g, case when g % 2 = 0 then 'unitTask' else 'reviewTask' end, 'campaign-phase', :def,
                           'bench-phase-' || g / 600, 'bench-phase-' || g / 600, 'bench-exec-' || g, 'bench-act-' || g,
                           '历史分解任务' || g, 'bench-user-' || g % 2400, s.started, s.started + interval '3 days',
                           259200000, 'completed', 50, s.started + interval '5 days', s.started + interval '1830 days',
                           'Completed'
                    from generate_series(0, :missing - 1) g
                    cross join lateral (select cast(:t0 as timestamp) - (400 + (g / 600) % 300) * interval '1 day'
                                               + (g % 600) * interval '1 hour' as started) s""")
                    .param("def", phaseDefinition).param("t0", t0).param("missing", missing).update();
        }
        jdbc.sql("analyze").update();
        return jdbc.sql("select count(*) from act_hi_taskinst").query(Long.class).single();
    }
}
