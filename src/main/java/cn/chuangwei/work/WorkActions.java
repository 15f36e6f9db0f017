package cn.chuangwei.work;

import cn.chuangwei.task.Evidence;
import cn.chuangwei.task.EvidenceService;
import cn.chuangwei.task.WorkService;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the task page's script calls (with the session and the page's CSRF token): completing the task with the form's
 * answers, attaching and removing evidence. Refusals are the API's JSON (status, code, Chinese and English message, the
 * field at fault).
 */
@RestController
class WorkActions {

    /** The session attribute holding the name of the task just completed, shown once on 我的待办. */
    static final String DONE = WorkActions.class.getName() + ".done";

    private final WorkService work;
    private final EvidenceService evidence;

    WorkActions(WorkService work, EvidenceService evidence) {
        this.work = work;
        this.evidence = evidence;
    }

    @PostMapping(path = "/work/tasks/{taskId}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> answers,
                                 HttpSession session) {
        String name = work.get(taskId).name();
        work.complete(taskId, answers);
        session.setAttribute(DONE, name);
        return Map.of("completed", true, "next", "/work");
    }

    @PostMapping(path = "/work/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
                                               @RequestParam(required = false) String area,
                                               @RequestParam(required = false) String description) throws IOException {
        byte[] content = file.getBytes();
        String type = EvidenceService.isImage(content) ? "PHOTO" : "DOCUMENT";
        Evidence e = evidence.upload(taskId, file.getOriginalFilename(), file.getContentType(), content, type, area, null,
                description);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(e));
    }

    @PostMapping("/work/evidence/{id}/remove")
    Map<String, Object> remove(@PathVariable long id) {
        evidence.remove(id);
        return Map.of("removed", true, "id", id);
    }

    /** An evidence file as the page's gallery shows it. */
    static Map<String, Object> view(Evidence e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", e.id());
        v.put("fileName", e.fileName());
        v.put("sizeBytes", e.sizeBytes());
        v.put("url", "/work/evidence/" + e.id());
        v.put("thumb", "/work/evidence/" + e.id() + "/thumb");
        return v;
    }
}
