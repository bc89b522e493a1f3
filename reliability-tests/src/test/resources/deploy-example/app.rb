require 'sinatra'
get('/') { 'deployed by heroku4j' }
