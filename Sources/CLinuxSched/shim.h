#ifndef CLINUXSCHED_SHIM_H
#define CLINUXSCHED_SHIM_H

/* Four glibc functions that <sched.h> and <pthread.h> declare only under _GNU_SOURCE, which the
   toolchain's Glibc module is built without. Declared here with their glibc signatures (the CPU
   sets as untyped pointers to a cpu_set_t, which the Glibc module does declare), so that
   ScheduleXMLStream can run the second part of a large schedule.xml on another CPU than the
   first. Nothing is linked: they are in libc. */

#include <stddef.h>

int sched_getcpu(void);
int sched_getaffinity(int pid, size_t cpusetsize, void *mask);
int sched_setaffinity(int pid, size_t cpusetsize, const void *mask);
int pthread_attr_setaffinity_np(void *attr, size_t cpusetsize, const void *cpuset);

#endif
