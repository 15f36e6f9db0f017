/**
 * The workbench (工作台): the signed-in person's tasks (我的待办), a task's page with its deployed Camunda Form rendered in
 * the browser, the panels other modules contribute beside it and the evidence a unit attaches to its task.
 */
package cn.chuangwei.work;
