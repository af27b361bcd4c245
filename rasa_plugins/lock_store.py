"""Rasa's Redis lock store, safe for several Rasa replicas.

Rasa 3.6's RedisLockStore changes a conversation's ticket lock by reading it,
changing it in memory and writing it back. Two replicas receiving a message
for the same conversation at the same moment can both read "no lock", both
take ticket 0 and process the two messages at once (and a finishing replica
can delete a lock another has just queued on). Here every change of a lock is
one Redis transaction (WATCH / MULTI / EXEC, retried on conflict), so tickets
are unique and a lock is deleted only when nobody holds or waits for it.

endpoints.yml: lock_store: {type: rasa_plugins.lock_store.AtomicRedisLockStore, url: HOST,
port: 6379, db: 0, password: ..., key_prefix: ...} (the keys of Rasa's `redis`
type; written from LOCK_STORE_URL by services.deployment.lock_store_config)."""
from __future__ import annotations

import json
from typing import Any, Callable, Optional, Text, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa creates a custom lock store with its endpoint section only.
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], T]) -> T:
        """Apply `change` to the stored lock atomically; an empty lock is deleted."""
        key = self.key_prefix + conversation_id

        def apply(pipe: Any) -> T:
            raw = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(raw)) if raw else self.create_lock(conversation_id)
            result = change(lock)
            lock.remove_expired_tickets()
            pipe.multi()
            if lock.is_someone_waiting():
                pipe.set(key, lock.dumps())
            else:
                pipe.delete(key)
            return result

        return self.red.transaction(apply, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as e:
            raise LockError(f"Error while acquiring lock. Error:\n{e}")

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        # finish_serving already deletes the lock, in the same transaction, when nobody waits.
        self.finish_serving(conversation_id, ticket_number)
