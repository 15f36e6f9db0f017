package cn.chuangwei.task;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The signed-in user's tasks, their completion and the evidence attached to them. */
@RestController
@RequestMapping("/api")
class TaskController {

    private final WorkService work;
    private final EvidenceService evidence;

    TaskController(WorkService work, EvidenceService evidence) {
        this.work = work;
        this.evidence = evidence;
    }

    @GetMapping("/tasks")
    List<WorkItem> myTasks(@RequestParam(required = false) Long campaignId,
                           @RequestParam(required = false) String taskDefinitionKey) {
        return work.myTasks(campaignId, taskDefinitionKey);
    }

    @GetMapping("/tasks/{taskId}")
    WorkItem task(@PathVariable String taskId) {
        return work.get(taskId);
    }

    @PostMapping("/tasks/{taskId}/complete")
    Map<String, Object> complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> answers) {
        work.complete(taskId, answers);
        return Map.of("taskId", taskId, "completed", true);
    }

    @PostMapping(path = "/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Evidence> upload(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
                                    @RequestParam(required = false) String type, @RequestParam(required = false) String area,
                                    @RequestParam(required = false) String item,
                                    @RequestParam(required = false) String description) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(evidence.upload(taskId, file.getOriginalFilename(),
                file.getContentType(), file.getBytes(), type, area, item, description));
    }

    @GetMapping("/task-rows/{rowId}/evidence")
    List<Evidence> evidenceOfRow(@PathVariable long rowId) {
        return evidence.ofRow(rowId);
    }

    @GetMapping("/evidence/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        Evidence e = evidence.find(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(evidence.content(id));
    }
}
