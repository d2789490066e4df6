// Each failure names the problem and what to do, as a build failure, not a stack trace.
def log = new File(basedir, 'build.log').text
assert log =~ /centrifugo-maven-plugin:[^:]+:generate \(default-cli\) on project zoo: No contract at \S+contract\.json: compile the application first/
assert log =~ /centrifugo-maven-plugin:[^:]+:config \(default-cli\) on project zoo: No contract at \S+contract\.json: compile the application first/
assert log =~ /centrifugo-maven-plugin:[^:]+:generate \(default-cli\) on project zoo: Unknown language 'cobol': expected typescript.* or all/
assert !log.contains('\tat ') : 'a stack trace in the log'
assert !new File(basedir, 'target/generated-clients').exists()
assert !new File(basedir, 'target/centrifugo').exists()
true
