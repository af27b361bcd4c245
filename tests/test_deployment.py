"""Scale-out by configuration: LOCK_STORE_URL -> Rasa's lock_store section,
the endpoints file, the refusal to start replicas without shared stores, the
nginx front's configuration, and the atomic Redis lock store on a real Redis."""
import asyncio
import multiprocessing
import subprocess
import time
from dataclasses import replace

import pytest
import yaml

from bot.config import load_settings
from services.deployment import LOCK_STORE_TYPE, lock_store_config, nginx_config
from services.run import free_port, service_env, write_endpoints
from services.scale_out import missing_shared_stores, replica_ports


def test_lock_store_url_to_the_redis_section():
    assert lock_store_config("redis://127.0.0.1:6380/2") == {
        "type": LOCK_STORE_TYPE, "url": "127.0.0.1", "port": 6380, "db": 2}
    assert lock_store_config("redis://cache.internal") == {
        "type": LOCK_STORE_TYPE, "url": "cache.internal", "port": 6379, "db": 0}
    assert lock_store_config("rediss://rasa:p%40ss@cache.internal:6390/1?key_prefix=assistant") == {
        "type": LOCK_STORE_TYPE, "url": "cache.internal", "port": 6390, "db": 1, "username": "rasa",
        "password": "p@ss", "use_ssl": True, "key_prefix": "assistant"}
    assert lock_store_config("redis://:s3cret@h:1/0")["password"] == "s3cret"
    assert "username" not in lock_store_config("redis://:s3cret@h:1/0")


@pytest.mark.parametrize("url,message", [
    ("postgresql://u@h/db", "redis://"), ("h:6379", "redis://"),
    ("redis://h:6379/zero", "numbers"), ("redis://h/0?key_prefix=a-b", "letters and digits"),
])
def test_bad_lock_store_urls_are_refused_with_a_clear_message(url, message):
    with pytest.raises(ValueError, match=message):
        lock_store_config(url)


def test_the_setting_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LOCK_STORE_URL", "redis://10.0.0.5:6379/0")
    assert load_settings(tmp_path / "none.env").lock_store_url == "redis://10.0.0.5:6379/0"
    monkeypatch.delenv("LOCK_STORE_URL")
    assert load_settings(tmp_path / "none.env").lock_store_url == ""


def test_the_endpoints_file_has_a_lock_store_only_when_configured(settings, tmp_path):
    env = service_env(replace(settings, tracker_db_url=str(tmp_path / "tracker.db")))
    plain = yaml.safe_load(write_endpoints(settings, env, tmp_path / "a.yml").read_text())
    assert "lock_store" not in plain  # Rasa's in-memory lock store: one Rasa server
    scaled = replace(settings, lock_store_url="redis://127.0.0.1:6390/3")
    data = yaml.safe_load(write_endpoints(scaled, env, tmp_path / "b.yml").read_text())
    assert data["lock_store"] == {"type": LOCK_STORE_TYPE, "url": "127.0.0.1", "port": 6390, "db": 3}
    assert data["tracker_store"] == plain["tracker_store"]


def test_replicas_are_refused_without_both_shared_stores(settings):
    pg, redis = "postgresql://rasa@db:5432/conversations", "redis://cache:6379/0"
    assert missing_shared_stores(replace(settings, tracker_store_url=pg, lock_store_url=redis)) is None
    only_pg = missing_shared_stores(replace(settings, tracker_store_url=pg))
    assert "LOCK_STORE_URL=redis://" in only_pg and "TRACKER_STORE_URL" not in only_pg
    sqlite = missing_shared_stores(replace(settings, tracker_store_url="sqlite:////tmp/t.db", lock_store_url=redis))
    assert "TRACKER_STORE_URL=postgresql://" in sqlite
    neither = missing_shared_stores(settings)
    assert "TRACKER_STORE_URL" in neither and "LOCK_STORE_URL" in neither


def test_the_scale_out_script_refuses_to_start_without_them(tmp_path):
    import os
    import sys

    env = {**os.environ, "TRACKER_STORE_URL": "", "LOCK_STORE_URL": ""}
    proc = subprocess.run([sys.executable, "-m", "services.scale_out", "--ports", "1,2"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 2 and "LOCK_STORE_URL=redis://" in proc.stderr and "TRACKER_STORE_URL" in proc.stderr


def test_replica_ports_are_consecutive_and_free():
    ports = replica_ports("127.0.0.1", free_port(), 3)
    assert len(ports) == 3 and ports == list(range(ports[0], ports[0] + 3))


def test_replica_ports_skip_the_ports_other_services_are_given():
    """The console or the chat page may not listen yet when the replicas'
    ports are chosen (a fresh-clone run once collided on one)."""
    after = free_port()
    ports = replica_ports("127.0.0.1", after, 2, taken=(after + 1, after + 2))
    assert ports[0] > after + 2 and ports == [ports[0], ports[0] + 1]


def test_the_front_configuration_is_valid_for_nginx(nginx_path, tmp_path):
    conf = nginx_config("127.0.0.1:5005", ["127.0.0.1:5006", "127.0.0.1:5007"], str(tmp_path))
    assert conf.count("server 127.0.0.1:5006") == 2 and "ip_hash" in conf and "listen 127.0.0.1:5005" in conf
    (tmp_path / "nginx.conf").write_text(conf)
    check = subprocess.run([nginx_path, "-t", "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    with pytest.raises(ValueError):
        nginx_config("127.0.0.1:5005", [], str(tmp_path))


# --- The lock store -------------------------------------------------------

def _hold_lock(url, conversation, start_at, hold, queue):
    from rasa.utils.endpoints import EndpointConfig

    from rasa_plugins.lock_store import AtomicRedisLockStore

    store = AtomicRedisLockStore(EndpointConfig.from_dict(lock_store_config(url)))

    async def run():
        while time.time() < start_at:
            pass  # all processes ask for the lock at the same moment
        async with store.lock(conversation, wait_time_in_seconds=0.02):
            entered = time.time()
            await asyncio.sleep(hold)
            queue.put((entered, time.time()))

    asyncio.run(run())


def test_rasa_loads_the_lock_store_from_the_endpoints_section(redis_url):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    from rasa_plugins.lock_store import AtomicRedisLockStore

    store = LockStore.create(EndpointConfig.from_dict(lock_store_config(redis_url + "?key_prefix=test")))
    assert isinstance(store, AtomicRedisLockStore) and store.key_prefix == "test:lock:"

    async def take():
        async with store.lock("loaded"):
            assert store.red.exists("test:lock:loaded")

    asyncio.run(take())
    assert not store.red.exists("test:lock:loaded")  # deleted once nobody holds or waits for it


def test_processes_asking_at_the_same_moment_hold_the_lock_one_at_a_time(redis_url):
    """Rasa 3.6's own RedisLockStore lets two of them in at once in about a
    third of such rounds (read-modify-write of the lock); this one never."""
    import rasa.utils.endpoints  # noqa: F401

    import rasa_plugins.lock_store  # noqa: F401  (imported before forking: the processes start at once)

    ctx = multiprocessing.get_context("fork")
    for round_ in range(15):
        queue, start_at = ctx.Queue(), time.time() + 0.3
        procs = [ctx.Process(target=_hold_lock, args=(redis_url, f"race-{round_}", start_at, 0.05, queue))
                 for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        held = sorted(queue.get(timeout=5) for _ in procs)
        assert all(p.exitcode == 0 for p in procs)
        for (_, left), (entered, _) in zip(held, held[1:]):
            assert entered >= left, f"round {round_}: two processes held the lock at once: {held}"
