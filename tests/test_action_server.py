"""The action server loads its readers before it serves (services/action_server.py)."""
from services.action_server import warm_up
from services.run import commands


def test_the_readers_are_loaded_before_the_first_message(settings):
    from bot.facet_classifier import _trained
    from bot.places import load_index

    warm_up()
    assert _trained.cache_info().currsize >= 1 and load_index.cache_info().currsize >= 1


def test_the_stack_starts_our_action_server_not_rasa_sdks_directly(settings, tmp_path):
    action, _ = commands(settings, tmp_path / "model.tar.gz")
    assert action[1:3] == ["-m", "services.action_server"] and "--actions" in action
