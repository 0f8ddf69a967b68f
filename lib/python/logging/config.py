"""Configuring logging from a dictionary (dictConfig): formatters, filters, handlers,
loggers and the root logger described by plain data, as the `logging.config` schema version 1
says (https://docs.python.org/3.11/library/logging.config.html#logging-config-dictschema).

In: the dictionary (with 'ext://module.name' values resolved by import, 'cfg://path' values
looked up in the dictionary itself, '()' keys naming factories, '.' keys giving attributes).
Out: the logging module configured; ValueError naming the part that failed, with the cause.

Not provided by pyjit: fileConfig (it needs configparser), listen/stopListening (sockets and
threads) — they raise NotImplementedError."""

import logging
import logging.handlers
import sys

DEFAULT_LOGGING_CONFIG_PORT = 9030

_EMPTY = {}


def valid_ident(s):
    """Whether `s` can be a keyword argument name; ValueError otherwise."""
    if not s.isidentifier():
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    raise NotImplementedError("logging.config.fileConfig() is not supported by pyjit "
                              "(it needs configparser); use dictConfig()")


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    raise NotImplementedError("logging.config.listen() is not supported by pyjit")


def stopListening():
    raise NotImplementedError("logging.config.stopListening() is not supported by pyjit")


def _import(name):
    __import__(name)
    return sys.modules[name]


class BaseConfigurator:
    """Resolves the special values of a configuration: 'ext://' (an object found by import),
    'cfg://' (a value elsewhere in the configuration, by dotted path and [index])."""

    importer = staticmethod(_import)

    def __init__(self, config):
        # dictConfig puts the objects it makes in place of their descriptions: in a copy
        self.config = _copy_containers(config)

    def resolve(self, s):
        """The object named by the dotted name `s` (modules are imported on the way)."""
        parts = s.split('.')
        used = parts.pop(0)
        try:
            found = self.importer(used)
            for part in parts:
                used += '.' + part
                try:
                    found = getattr(found, part)
                except AttributeError:
                    self.importer(used)
                    found = getattr(found, part)
            return found
        except ImportError as e:
            raise ValueError('Cannot resolve %r: %s' % (s, e)) from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        """The value at the path `value` ('handlers.h.level', 'a[0][key]') of the config."""
        rest = value
        name, rest = _take_name(rest)
        if name is None:
            raise ValueError('Unable to convert %r' % value)
        found = self.config[name]
        while rest:
            if rest[0] == '.':
                name, rest = _take_name(rest[1:])
                if name is None:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                found = found[name]
            elif rest[0] == '[':
                end = rest.find(']')
                if end < 0:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                index = rest[1:end]
                if index.isdigit():
                    try:
                        found = found[int(index)]
                    except TypeError:
                        found = found[index]
                else:
                    found = found[index]
                rest = rest[end + 1:]
            else:
                raise ValueError('Unable to convert %r at %r' % (value, rest))
        return found

    def convert(self, value):
        """A configuration value with its special forms resolved (dicts and lists deeply)."""
        if isinstance(value, dict):
            return {k: self.convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.convert(v) for v in value]
        if isinstance(value, tuple) and not hasattr(value, '_fields'):
            return tuple(self.convert(v) for v in value)
        if isinstance(value, str):
            if value.startswith('ext://'):
                return self.ext_convert(value[6:])
            if value.startswith('cfg://'):
                return self.cfg_convert(value[6:])
        return value

    def configure_custom(self, config):
        """An object made by the factory under '()' with the other keys as keyword arguments,
        then given the attributes under '.'."""
        config = dict(config)
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = {k: self.convert(config[k]) for k in config if valid_ident(k)}
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


def _copy_containers(value):
    if isinstance(value, dict):
        return {k: _copy_containers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_containers(v) for v in value]
    return value


def _take_name(text):
    """The leading word of `text` (up to '.' or '[') and what follows it."""
    end = 0
    while end < len(text) and text[end] not in '.[':
        end += 1
    if end == 0:
        return None, text
    return text[:end], text[end:]


class DictConfigurator(BaseConfigurator):
    """Applies a configuration dictionary (dictConfig)."""

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        logging._acquireLock()
        try:
            if incremental:
                self._configure_incrementally(config)
            else:
                self._configure_fully(config)
        finally:
            logging._releaseLock()

    def _configure_incrementally(self, config):
        """Only levels (and propagate) of existing handlers and loggers change."""
        for name, handler_config in config.get('handlers', _EMPTY).items():
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            try:
                handler = logging._handlers[name]
                level = handler_config.get('level', None)
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        for name, logger_config in config.get('loggers', _EMPTY).items():
            try:
                self.configure_logger(name, logger_config, True)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        root = config.get('root', None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _configure_fully(self, config):
        disable_existing = config.pop('disable_existing_loggers', True)
        _clear_existing_handlers()
        formatters = config.get('formatters', _EMPTY)
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError('Unable to configure formatter %r' % name) from e
        filters = config.get('filters', _EMPTY)
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError('Unable to configure filter %r' % name) from e
        # Handlers in name order; one whose target handler comes later waits for it.
        handlers = config.get('handlers', _EMPTY)
        waiting = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except _TargetNotReady:
                waiting.append(name)
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        for name in waiting:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        # Loggers not named here are disabled (or, below a named one, reset).
        root = logging.root
        existing = sorted(root.manager.loggerDict)
        children = []
        loggers = config.get('loggers', _EMPTY)
        for name in loggers:
            if name in existing:
                prefix = name + '.'
                children.extend(other for other in existing if other.startswith(prefix))
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        _handle_existing_loggers(existing, children, disable_existing)
        root_config = config.get('root', None)
        if root_config:
            try:
                self.configure_root(root_config)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        """A Formatter from {format, datefmt, style, validate, defaults, class} or '()'."""
        if '()' in config:
            try:
                return self.configure_custom(config)
            except TypeError as e:
                if "'format'" not in str(e):
                    raise
                # a factory that takes `fmt` where the config says `format`
                config = dict(config)
                config['fmt'] = config.pop('format')
                return self.configure_custom(config)
        fmt = self.convert(config.get('format', None))
        datefmt = self.convert(config.get('datefmt', None))
        style = config.get('style', '%')
        class_name = config.get('class', None)
        klass = logging.Formatter if not class_name else self.resolve(class_name)
        kwargs = {}
        if 'validate' in config:
            kwargs['validate'] = config['validate']
        if 'defaults' in config:
            kwargs['defaults'] = self.convert(config['defaults'])
        return klass(fmt, datefmt, style, **kwargs)

    def configure_filter(self, config):
        """A Filter from {name} or '()'."""
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for name in filters:
            try:
                filter_ = self.config['filters'][name] if isinstance(name, str) else name
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % name) from e

    def configure_handler(self, config):
        """A Handler from {class, level, formatter, filters, and the class's own arguments}
        or '()'."""
        config = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            class_name = config.pop('class')
            klass = class_name if callable(class_name) else self.resolve(class_name)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                handlers = self.config.get('handlers', _EMPTY)
                target = handlers.get(config['target'])
                if not isinstance(target, logging.Handler):
                    raise _TargetNotReady()
                config['target'] = target
            factory = klass
        props = config.pop('.', None)
        kwargs = {k: self.convert(config[k]) for k in config if valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as e:
            if "'stream'" not in str(e):
                raise
            # old handlers call the stream argument `strm`
            kwargs['strm'] = kwargs.pop('stream')
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for name in handlers:
            try:
                logger.addHandler(self.config['handlers'][name])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % name) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for handler in logger.handlers[:]:
                logger.removeHandler(handler)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


class _TargetNotReady(Exception):
    """A MemoryHandler whose target handler is configured later (it is retried)."""


def _clear_existing_handlers():
    """Flushes and closes the handlers configured before, and forgets their names."""
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, children, disable_existing):
    """Loggers a configuration does not name: those below a named logger are reset (they pass
    records up to it), the others are disabled when disable_existing_loggers is true."""
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in children:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        elif not isinstance(logger, logging.PlaceHolder):
            logger.disabled = disable_existing


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configures logging from a dictionary (schema version 1)."""
    dictConfigClass(config).configure()
