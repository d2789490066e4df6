// The configuration is the expected one, merged into the base, which is left as it was.
def config = new File(basedir, 'target/centrifugo/config.json')
assert config.isFile() : "no ${config}"
def expected = new File(basedir, 'expected-config.json').text
assert config.text == expected : "got:\n${config.text}"

def log = new File(basedir, 'build.log').text
assert log.contains("Wrote ${config}")
assert log.contains("Up to date: ${config}")
assert log.contains('CENTRIFUGO_VAR_PROXY_SECRET')
assert new File(basedir, 'centrifugo/base.json').text.contains('"allowed_origins": ["https://zoo.example.com"]')
true
