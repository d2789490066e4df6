// The application's client and configuration hold its own handler and the library's.
def app = new File(basedir, 'app')
def merged = new File(app, 'target/centrifugo/contract.json')
assert merged.isFile() : "no merged contract ${merged}"
assert merged.text.contains('"shop.price"') && merged.text.contains('"news.latest"')

def index = new File(app, 'target/generated-clients/typescript/index.d.ts').text
assert index.contains('shopPrice(')
assert index.contains('newsLatest(')
assert index.contains('export interface NewsHandlersHeadline') || index.contains('Headline')

def config = new File(app, 'target/centrifugo/config.json').text
assert config.contains('"name": "news"') : "no news namespace (the library's channel) in:\n${config}"
assert config.contains('"without_namespace"')

// The library alone: its own contract, nothing merged.
def lib = new File(basedir, 'lib')
assert !new File(lib, 'target/centrifugo/contract.json').exists()
def libIndex = new File(lib, 'target/generated-clients/typescript/index.d.ts').text
assert libIndex.contains('newsLatest(') && !libIndex.contains('shopPrice(')

def log = new File(basedir, 'build.log').text
assert log.contains('Merged the contracts of the application and its dependencies')
true
