package cn.chuangwei.org;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrative hierarchy and each region's people: the regions the caller sees, a new region under one they
 * oversee, and who holds which role in a region (see {@link RegionSetup} for who may do what).
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {

    private final RegionSetup setup;

    RegionController(RegionSetup setup) {
        this.setup = setup;
    }

    @GetMapping
    List<RegionSetup.RegionView> list() {
        return setup.visible();
    }

    @PostMapping
    ResponseEntity<Region> create(@RequestBody(required = false) RegionSetup.NewRegion body) {
        Region r = setup.create(body);
        return ResponseEntity.created(URI.create("/api/regions/" + r.id() + "/people")).body(r);
    }

    @GetMapping("/{id}/people")
    List<RegionSetup.Person> people(@PathVariable long id) {
        return setup.people(id);
    }

    @PostMapping("/{id}/people")
    ResponseEntity<RegionSetup.Person> add(@PathVariable long id,
                                           @RequestBody(required = false) RegionSetup.NewPerson body) {
        return ResponseEntity.status(201).body(setup.add(id, body));
    }

    @DeleteMapping("/{id}/people/{userId}/{role}")
    ResponseEntity<Void> remove(@PathVariable long id, @PathVariable String userId, @PathVariable String role) {
        setup.remove(id, userId, role);
        return ResponseEntity.noContent().build();
    }
}
