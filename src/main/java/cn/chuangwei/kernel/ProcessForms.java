package cn.chuangwei.kernel;

import java.util.List;

/**
 * The forms of a process, declared as a Spring bean by the module that owns the process and its listeners, beside
 * them. The registry of user-task forms collects every such bean, so a module adds a user task without editing
 * another module.
 */
public interface ProcessForms {

    List<FormRules> forms();
}
