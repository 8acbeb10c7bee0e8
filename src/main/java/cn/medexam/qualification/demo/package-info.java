/**
 * Demo users, a demo campaign and twelve demo candidates in every state, for the {@code demo} profile only.
 */
package cn.medexam.qualification.demo;
