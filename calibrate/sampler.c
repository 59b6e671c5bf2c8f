/*
 * sampler.c - nvidia-smi on a thread (sampler.h).
 *
 * posix_spawnp with stdout on a pipe and stderr discarded; the pipe is
 * read with poll() against a deadline, so a wedged nvidia-smi is killed
 * rather than waited for.  The thread sleeps on a condition variable, so
 * sampler_stop() returns within one call, not one period.
 */
#include "calibrate/sampler.h"
#include "catalog/nvsmi.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

struct sampler {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	int stop;
	double period_s;
	char bus_id[64];
	struct smi_sample *samples;
	size_t n, cap;
	struct err err;         /* the thread's first failure */
};

static const char *program(void)
{
	const char *p = getenv("RIGPLAN_NVIDIA_SMI");

	return p && *p ? p : "nvidia-smi";
}

/* Read the child's stdout until EOF or the deadline. */
static int drain(struct sbuf *sb, int fd, double deadline, struct err *err)
{
	char buf[16384];

	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		double left = deadline - clock_monotonic_s();
		ssize_t got;
		int r;

		if (left <= 0)
			return err_set(err, ERR_IO, "%s did not finish within %.0f s",
				       program(), SAMPLER_TIMEOUT_S);
		r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return err_set(err, ERR_IO, "poll: %s", strerror(errno));
		if (r == 0)
			continue;
		got = read(fd, buf, sizeof(buf));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return err_set(err, ERR_IO, "reading %s: %s", program(), strerror(errno));
		if (got == 0)
			return 0;
		if (sb->len + (size_t)got > NVSMI_FILE_MAX)
			return err_set(err, ERR_PARSE, "%s printed more than %u bytes",
				       program(), NVSMI_FILE_MAX);
		sbuf_add(sb, buf, (size_t)got);
	}
}

int sampler_once(struct smi_sample *out, const char *bus_id, struct err *err)
{
	posix_spawn_file_actions_t fa;
	char *argv[6];
	int fds[2], status = 0, r, n = 0;
	pid_t pid;
	struct sbuf sb;
	double t0 = clock_monotonic_s();

	memset(out, 0, sizeof(*out));
	if (pipe(fds) < 0)
		return err_set(err, ERR_IO, "pipe: %s", strerror(errno));
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	argv[n++] = (char *)program();
	argv[n++] = (char *)"-q";
	argv[n++] = (char *)"-x";
	if (bus_id && *bus_id) {
		argv[n++] = (char *)"-i";
		argv[n++] = (char *)bus_id;
	}
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	r = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (r != 0) {
		close(fds[0]);
		return err_set(err, ERR_IO, "cannot run %s: %s%s", argv[0], strerror(r),
			       r == ENOENT ? " (install the NVIDIA driver's nvidia-smi, or set "
					     "RIGPLAN_NVIDIA_SMI)" : "");
	}
	sbuf_init(&sb);
	r = drain(&sb, fds[0], t0 + SAMPLER_TIMEOUT_S, err);
	close(fds[0]);
	if (r < 0)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	/* 127: the child could not exec it (what some posix_spawn
	 * implementations report instead of an error from the call) */
	if (r == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
		r = err_set(err, ERR_IO, "cannot run %s: not found (install the NVIDIA driver's "
			    "nvidia-smi, or set RIGPLAN_NVIDIA_SMI)", argv[0]);
	if (r == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		r = err_set(err, ERR_IO, "%s -q -x%s%s failed (%s %d)", argv[0],
			    bus_id && *bus_id ? " -i " : "", bus_id ? bus_id : "",
			    WIFEXITED(status) ? "exit status" : "signal",
			    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	if (r == 0 && sb.len == 0)
		r = err_set(err, ERR_PARSE, "%s printed nothing", argv[0]);
	if (r < 0) {
		sbuf_release(&sb);
		return r;
	}
	out->t = 0.5 * (t0 + clock_monotonic_s());
	out->len = sb.len;
	out->xml = sbuf_detach(&sb);
	return 0;
}

static void *run(void *arg)
{
	struct sampler *s = arg;
	double next = clock_monotonic_s();

	pthread_mutex_lock(&s->lock);
	while (!s->stop) {
		struct smi_sample one;
		struct timespec until;
		int r;

		pthread_mutex_unlock(&s->lock);
		r = sampler_once(&one, s->bus_id, &s->err);
		pthread_mutex_lock(&s->lock);
		if (r < 0)
			break;
		s->samples = xgrow(s->samples, &s->cap, s->n + 1, sizeof(*s->samples));
		s->samples[s->n++] = one;
		next += s->period_s;
		if (next < clock_monotonic_s())
			next = clock_monotonic_s();
		/* the condition variable's clock is CLOCK_MONOTONIC (see start) */
		until.tv_sec = (time_t)next;
		until.tv_nsec = (long)((next - (double)until.tv_sec) * 1e9);
		while (!s->stop &&
		       pthread_cond_timedwait(&s->wake, &s->lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

int sampler_start(struct sampler **out, const char *bus_id, double period_s,
		  struct err *err)
{
	struct sampler *s = xcalloc(1, sizeof(*s));
	pthread_condattr_t ca;
	int r;

	s->period_s = period_s;
	snprintf(s->bus_id, sizeof(s->bus_id), "%s", bus_id ? bus_id : "");
	err_clear(&s->err);
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->wake, &ca);
	pthread_condattr_destroy(&ca);
	if ((r = pthread_create(&s->thread, NULL, run, s)) != 0) {
		pthread_cond_destroy(&s->wake);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return err_set(err, ERR_IO, "cannot start the sampling thread: %s", strerror(r));
	}
	*out = s;
	return 0;
}

int sampler_stop(struct sampler *s, struct smi_sample **samples, size_t *n,
		 struct err *err)
{
	int r = 0;

	pthread_mutex_lock(&s->lock);
	s->stop = 1;
	pthread_cond_signal(&s->wake);
	pthread_mutex_unlock(&s->lock);
	pthread_join(s->thread, NULL);
	if (s->err.code != ERR_OK) {
		r = err_set(err, s->err.code, "while sampling: %s", s->err.msg);
		smi_samples_free(s->samples, s->n);
		*samples = NULL;
		*n = 0;
	} else {
		*samples = s->samples;
		*n = s->n;
	}
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
	free(s);
	return r;
}

void smi_samples_free(struct smi_sample *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].xml);
	free(s);
}
