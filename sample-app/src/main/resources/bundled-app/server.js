// The app the sample deploys: answers every request with one line.
require('http').createServer((req, res) => res.end('deployed by the heroku4j sample\n')).listen(process.env.PORT || 5000);
