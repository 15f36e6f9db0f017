package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole campaign driven through the REST API: set up from its kind's template (the provincial sanitary town's, the
 * civilized city's or the forest city's), every unit task completed and accepted (one returned and redone), every gate
 * signed, one HOLD and one ESCALATE, a self-inspection scored against the template's standard, the campaign completed.
 * The sanitary town's runs on H2 and on PostgreSQL, the other kinds' on H2 ({@code CampaignKindsEndToEndTest}).
 */
abstract class CampaignScenario {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TestClock clock;

    Fixture f;
    long id;
    /** The campaign's standard as the API gives it: its areas, items and indicators. */
    JsonNode standard;
    /** Readings the office enters other than the compliant default, by indicator code. */
    final Map<String, String> ownReadings = new HashMap<>();

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    void runWholeCampaign() {
        runWholeCampaign(Fixture.Kind.SANITARY_TOWN);
    }

    /** What the office does once the campaign is set up, before its first phase: nothing, unless a kind needs it. */
    void afterSetUp() {
    }

    void runWholeCampaign(Fixture.Kind kind) {
        f = new Fixture(identity, kind);
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        Api office = as(f.office);

        Reply created = office.post("/api/campaigns", f.fromTemplate(LocalDate.of(2027, 3, 1)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        id = created.json().get("id").asLong();
        JsonNode c = created.json();
        assertThat(c.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(c.get("kind").asText()).isEqualTo(kind.name());
        assertThat(c.get("name").asText()).isEqualTo(f.town + kind.campaign);
        standard = office.get("/api/standards/" + c.get("standard").asText()).json();
        assertThat(c.get("phases")).hasSize(5);
        assertThat(c.get("phases").get(0).get("startDate").asText()).isEqualTo("2027-03-01");
        if (kind == Fixture.Kind.SANITARY_TOWN) {
            // six working days from Monday 1 March 2027
            assertThat(c.get("phases").get(0).get("endDate").asText()).isEqualTo("2027-03-08");
        }
        assertThat(c.get("phases").get(0).get("tasks").asInt()).isGreaterThanOrEqualTo(8);
        // The unit groups are synchronised by an asynchronous job before the first phase opens.
        assertThat(texts(c.get("activeActivities"))).containsExactly("SyncGroups");
        assertThat(c.has("currentPhase")).isFalse();
        afterSetUp();
        executeJobs();

        assertPhase(Phase.MOBILIZATION, "ACTIVE", "unitTask");
        completeUnitWork(true);
        assertPhase(Phase.MOBILIZATION, "SIGNING", "signGate");
        sign(Map.of());
        assertDone(Phase.MOBILIZATION, "PASS");

        // Implementation: one member rejects, the gate says HOLD, the office adds a rectification task.
        assertPhase(Phase.IMPLEMENTATION, "ACTIVE", "unitTask");
        completeUnitWork(false);
        sign(Map.of(f.members.get(0), "REJECT"));
        JsonNode held = phase(Phase.IMPLEMENTATION);
        assertThat(held.get("status").asText()).isEqualTo("RECTIFYING");
        assertThat(held.get("gateOutcome").asText()).isEqualTo("HOLD");
        assertThat(activities()).contains("rectifyTasks");
        Map<String, Object> rectification = new HashMap<>();
        rectification.put("title", "整改：主要街道卫生死角清理");
        rectification.put("target", "签批意见指出的卫生死角全部清理，建立台账");
        rectification.put("unit", f.units.get(1).code());
        rectification.put("deadline", "2027-03-05");
        rectification.put("critical", true);
        rectification.put("area", standard.get("areas").get(2).get("code").asText());
        Reply added = office.post("/api/campaigns/" + id + "/phases/IMPLEMENTATION/tasks", rectification);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.json().get("origin").asText()).isEqualTo("RECTIFICATION");
        completeOnly(office, "rectifyTasks", Map.of("rectifyNote", "已按意见增加整改任务"));
        assertPhase(Phase.IMPLEMENTATION, "ACTIVE", "unitTask");
        List<JsonNode> round2 = tasks(f.units.get(1).head(), "unitTask");
        assertThat(round2).hasSize(1);
        assertThat(round2.get(0).get("name").asText()).contains("整改：主要街道卫生死角清理");
        completeUnitWork(false);
        sign(Map.of());
        assertDone(Phase.IMPLEMENTATION, "PASS");
        assertThat(phase(Phase.IMPLEMENTATION).get("gateRound").asInt()).isEqualTo(2);

        // Consolidation: the majority rejects, the gate escalates, the leader lets the phase pass.
        completeUnitWork(false);
        sign(Map.of(f.members.get(0), "REJECT", f.members.get(1), "REJECT", f.deputies.get(0), "REJECT"));
        assertThat(phase(Phase.CONSOLIDATION).get("status").asText()).isEqualTo("ESCALATED");
        assertThat(activities()).contains("leaderDecision");
        List<JsonNode> forLeader = tasks(f.leader, "leaderDecision");
        assertThat(forLeader).hasSize(1);
        Reply notLeader = as(f.deputies.get(1)).post("/api/tasks/" + forLeader.get(0).get("id").asText() + "/complete",
                Map.of("leaderDecision", "PASS"));
        assertThat(notLeader.status()).isEqualTo(403);
        complete(f.leader, forLeader.get(0).get("id").asText(), Map.of("leaderDecision", "PASS", "leaderComment", "同意进入下一阶段"));
        assertDone(Phase.CONSOLIDATION, "PASS");

        for (Phase p : List.of(Phase.SELF_INSPECTION, Phase.ACCEPTANCE)) {
            assertPhase(p, "ACTIVE", "unitTask");
            completeUnitWork(false);
            sign(Map.of());
            assertDone(p, "PASS");
            if (p == Phase.SELF_INSPECTION) {
                selfInspect();
            }
        }
        applyAndGetNamed();

        JsonNode done = office.get("/api/campaigns/" + id).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.has("currentPhase")).isFalse();
        // the named town is in long-term maintenance: monthly spot checks, re-review in three years
        assertThat(texts(done.get("activeActivities"))).contains("Maintenance", "ReReviewDue");
        String pi = done.get("processInstanceId").asText();
        // five phases, one round of self-inspection and the acceptance
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi).finished().count()).isEqualTo(7);
        for (JsonNode ph : done.get("phases")) {
            assertThat(ph.get("status").asText()).isEqualTo("DONE");
            assertThat(ph.get("accepted").asInt()).isEqualTo(ph.get("tasks").asInt());
        }
        Reply rows = office.get("/api/campaigns/" + id + "/tasks?status=ACCEPTED");
        assertThat(rows.json().size()).isEqualTo(sum(done, "tasks"));
    }

    /** The office submits the dossier, the external inspection passes, the town is named. */
    void applyAndGetNamed() throws RuntimeException {
        Api office = as(f.office);
        assertThat(activities()).contains("ExternalAcceptance", "submitApplication");
        JsonNode gaps = office.get("/api/campaigns/" + id + "/dossier/gaps").json();
        JsonNode first = firstItem();
        String code = first.get("code").asText();
        // every item but the first, which has the photo uploaded in the first phase
        assertThat(gaps.get("count").asInt()).isEqualTo(standard.get("items").size() - 1);
        assertThat(texts(gaps.get("gaps"))).doesNotContain(code + " " + first.get("name").asText());
        byte[] zip = download(f.office, "/api/campaigns/" + id + "/dossier");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
            String evidencePath = entries.keySet().stream().filter(n -> n.startsWith("02-佐证材料/01-") && n.contains(code + "-"))
                    .findFirst().orElseThrow();
            assertThat(entries.get(evidencePath)).isEqualTo(PNG);
            try (org.apache.pdfbox.pdmodel.PDDocument index = org.apache.pdfbox.Loader.loadPDF(entries.get("00-目录.pdf"))) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(index).replaceAll("\\s+", "");
                assertThat(text).contains(code).contains(evidencePath.replaceAll("\\s+", "")).contains("缺项");
            }
            assertThat(entries).containsKey("01-工作汇报.pdf");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        cn.chuangwei.campaign.CampaignProcessTest.acceptedAndNamed((key, answers) -> completeOnly(office, key, answers),
                this::noticePeriodEnds);
    }

    byte[] download(String user, String path) {
        try {
            java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (user + ":" + Fixture.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The inspection team scores every area in full, the office enters compliant readings: READY. */
    void selfInspect() {
        assertThat(activities()).contains("scoreSheet", "indicatorReadings");
        java.util.regex.Pattern points = java.util.regex.Pattern.compile("（(\\d+)分）");
        int sheets = 0;
        for (String supervisor : f.supervisors) {
            for (JsonNode t : tasks(supervisor, "scoreSheet")) {
                String items = as(supervisor).get("/api/tasks/" + t.get("id").asText()).json().get("form").get("itemsText").asText();
                StringBuilder scores = new StringBuilder();
                for (String line : items.split("\n")) {
                    java.util.regex.Matcher m = points.matcher(line);
                    assertThat(m.find()).isTrue();
                    scores.append(line.split("\\s+")[0]).append(',').append(m.group(1)).append(",\n");
                }
                complete(supervisor, t.get("id").asText(), Map.of("scores", scores.toString()));
                sheets++;
            }
        }
        assertThat(sheets).as("one sheet per area").isEqualTo(standard.get("areas").size());
        StringBuilder readings = new StringBuilder();
        for (JsonNode i : as(f.office).get("/api/campaigns/" + id + "/thresholds").json()) {
            String value = ownReadings.getOrDefault(i.get("code").asText(), switch (i.get("type").asText()) {
                case "GRADE" -> "A";
                case "BOOLEAN" -> "是";
                default -> switch (i.get("comparison").asText()) {
                    case "GE", "GE_REFERENCE" -> "100";
                    case "NOT_RISING" -> "50;50;50";
                    default -> "0";
                };
            });
            readings.append(i.get("code").asText()).append(',').append(value).append('\n');
        }
        completeOnly(as(f.office), "indicatorReadings", Map.of("readings", readings.toString()));
        JsonNode rounds = as(f.office).get("/api/campaigns/" + id + "/inspections").json();
        assertThat(rounds).hasSize(1);
        assertThat(rounds.get(0).get("round").get("outcome").asText()).isEqualTo("READY");
        assertThat(rounds.get(0).get("scores")).hasSize(standard.get("items").size());
    }

    /** Every unit head completes every task of their unit; the office accepts them all (returning one first if asked). */
    void completeUnitWork(boolean returnOne) {
        boolean evidenceShown = false;
        for (var unit : f.units) {
            List<JsonNode> mine = tasks(unit.head(), "unitTask");
            for (JsonNode t : mine) {
                assertThat(t.get("unitCode").asText()).isEqualTo(unit.code());
                if (returnOne && !evidenceShown) {
                    Reply up = as(unit.head()).upload("/api/tasks/" + t.get("id").asText() + "/evidence", "现场.png",
                            "image/png", PNG, "type", "PHOTO", "area", firstItem().get("areaCode").asText(),
                            "item", firstItem().get("code").asText(),
                            "description", "现场照片");
                    assertThat(up.status()).as(up.raw()).isEqualTo(201);
                    Reply list = as(f.office).get("/api/task-rows/" + t.get("taskRowId").asText() + "/evidence");
                    assertThat(list.json()).hasSize(1);
                    assertThat(list.json().get(0).get("evidenceType").asText()).isEqualTo("PHOTO");
                    evidenceShown = true;
                }
                complete(unit.head(), t.get("id").asText(), Map.of("resultSummary", "已按要求完成：" + t.get("name").asText()));
            }
        }
        boolean returned = !returnOne;
        List<JsonNode> reviews = tasks(f.office, "reviewTask");
        assertThat(reviews).isNotEmpty();
        for (JsonNode r : reviews) {
            if (!returned) {
                complete(f.office, r.get("id").asText(), Map.of("reviewDecision", "RETURN", "returnReason", "缺少现场照片"));
                returned = true;
                long rowId = r.get("taskRowId").asLong();
                JsonNode row = rowById(rowId);
                assertThat(row.get("status").asText()).isEqualTo("RETURNED");
                assertThat(row.get("reworkCount").asInt()).isEqualTo(1);
                String head = f.units.stream().filter(u -> u.code().equals(row.get("unitCode").asText())).findFirst()
                        .orElseThrow().head();
                List<JsonNode> redo = tasks(head, "unitTask");
                assertThat(redo).hasSize(1);
                JsonNode form = as(head).get("/api/tasks/" + redo.get(0).get("id").asText()).json().get("form");
                assertThat(form.get("lastReturnReason").asText()).isEqualTo("缺少现场照片");
                complete(head, redo.get(0).get("id").asText(), Map.of("resultSummary", "已补充现场照片"));
                List<JsonNode> again = tasks(f.office, "reviewTask").stream()
                        .filter(x -> x.get("taskRowId").asLong() == rowId).toList();
                assertThat(again).hasSize(1);
                complete(f.office, again.get(0).get("id").asText(), Map.of("reviewDecision", "ACCEPT"));
                assertThat(rowById(rowId).get("status").asText()).isEqualTo("ACCEPTED");
                continue;
            }
            complete(f.office, r.get("id").asText(), Map.of("reviewDecision", "ACCEPT"));
        }
        assertThat(tasks(f.office, "reviewTask")).isEmpty();
    }

    /** The standard's first item (of its first area). */
    JsonNode firstItem() {
        return standard.get("items").get(0);
    }

    void sign(Map<String, String> rejections) {
        for (String signer : f.signers()) {
            List<JsonNode> mine = tasks(signer, "signGate");
            assertThat(mine).as("gate task of " + signer).hasSize(1);
            String decision = rejections.getOrDefault(signer, "APPROVE");
            Map<String, Object> body = new HashMap<>();
            body.put("signDecision", decision);
            if ("REJECT".equals(decision)) {
                body.put("signComment", "街道仍有卫生死角，需整改");
            }
            complete(signer, mine.get(0).get("id").asText(), body);
        }
    }

    /** The two weeks of 公示 pass: the timer waiting for them fires. */
    void noticePeriodEnds() {
        var acc = runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id)
                .processDefinitionKey("acceptance").singleResult();
        var ends = management.createJobQuery().processInstanceId(acc.getId()).activityId("NoticePeriodEnds").singleResult();
        clock.set(ends.getDuedate().toInstant().plusSeconds(1));
        management.executeJob(ends.getId());
    }

    void completeOnly(Api api, String key, Map<String, Object> body) {
        List<JsonNode> list = list(api.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=" + key));
        assertThat(list).hasSize(1);
        Reply r = api.post("/api/tasks/" + list.get(0).get("id").asText() + "/complete", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    void complete(String user, String taskId, Map<String, Object> body) {
        Reply r = as(user).post("/api/tasks/" + taskId + "/complete", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    List<JsonNode> tasks(String user, String key) {
        Reply r = as(user).get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=" + key);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return list(r);
    }

    JsonNode rowById(long rowId) {
        for (JsonNode row : as(f.office).get("/api/campaigns/" + id + "/tasks").json()) {
            if (row.get("id").asLong() == rowId) {
                return row;
            }
        }
        throw new AssertionError("no row " + rowId);
    }

    JsonNode phase(Phase p) {
        return as(f.office).get("/api/campaigns/" + id).json().get("phases").get(p.ordinal());
    }

    List<String> activities() {
        return texts(as(f.office).get("/api/campaigns/" + id).json().get("activeActivities"));
    }

    void assertPhase(Phase p, String status, String activity) {
        JsonNode c = as(f.office).get("/api/campaigns/" + id).json();
        assertThat(c.get("currentPhase").get("phase").asText()).isEqualTo(p.name());
        assertThat(c.get("currentPhase").get("status").asText()).isEqualTo(status);
        assertThat(texts(c.get("activeActivities"))).contains(activity);
    }

    void assertDone(Phase p, String outcome) {
        JsonNode ph = phase(p);
        assertThat(ph.get("status").asText()).isEqualTo("DONE");
        assertThat(ph.get("gateOutcome").asText()).isEqualTo(outcome);
    }

    void executeJobs() {
        for (int i = 0; i < 20; i++) {
            List<String> pis = runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + id).list()
                    .stream().map(ProcessInstance::getId).toList();
            List<Job> jobs = pis.stream().flatMap(pi -> management.createJobQuery().processInstanceId(pi).executable()
                    .list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    static List<JsonNode> list(Reply r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static int sum(JsonNode campaign, String field) {
        int s = 0;
        for (JsonNode ph : campaign.get("phases")) {
            s += ph.get(field).asInt();
        }
        return s;
    }
}
